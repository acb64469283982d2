#!/usr/bin/env python3
"""Checks the Flatpak manifest offline: flatpak-builder must parse it without a warning (an unknown
key is only a warning), and it must ask for no more than the app needs: display, IPC and GPU.
Files come through the document portal, which GtkFileChooserNative uses.

Usage: check-flatpak.py MANIFEST SOURCE_ROOT APP_ID
"""
import json
import os
import subprocess
import sys
import tempfile

ALLOWED_FINISH_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri'}
NEEDED_FINISH_ARGS = {'--share=ipc', '--socket=fallback-x11', '--socket=wayland'}


def main():
    manifest_path, source_root, app_id = sys.argv[1:4]
    manifest_path = os.path.abspath(manifest_path)
    env = dict(os.environ, G_DEBUG='fatal-warnings')
    # flatpak-builder leaves a .flatpak-builder state folder in its working directory.
    with tempfile.TemporaryDirectory(prefix='ccp-flatpak-test.') as workdir:
        shown = subprocess.run(['flatpak-builder', '--show-manifest', manifest_path],
                               env=env, capture_output=True, text=True, cwd=workdir)
    if shown.returncode != 0:
        sys.stdout.write(shown.stdout + shown.stderr)
        return f'flatpak-builder --show-manifest failed (exit {shown.returncode})'
    manifest = json.loads(shown.stdout)
    problems = []

    def check(ok, message):
        print(('ok: ' if ok else 'FAIL: ') + message)
        if not ok:
            problems.append(message)

    check(os.path.basename(manifest_path) == app_id + '.json',
          f'the manifest is named after the app ID {app_id}')
    check(manifest.get('id', manifest.get('app-id')) == app_id, f'id is {app_id}')
    check(manifest.get('runtime') == 'org.gnome.Platform', 'runtime is org.gnome.Platform')
    check(manifest.get('sdk') == 'org.gnome.Sdk', 'sdk is org.gnome.Sdk')
    check(str(manifest.get('runtime-version', '')).isdigit(),
          f'runtime-version {manifest.get("runtime-version")!r} is a numbered stable release')
    check(manifest.get('command') == 'creative-cities-plans', 'command is creative-cities-plans')

    finish_args = set(manifest.get('finish-args', []))
    check(finish_args <= ALLOWED_FINISH_ARGS,
          'finish-args ask for display, IPC and GPU only'
          + (f' (extra: {sorted(finish_args - ALLOWED_FINISH_ARGS)})'
             if finish_args - ALLOWED_FINISH_ARGS else ''))
    check(NEEDED_FINISH_ARGS <= finish_args, 'finish-args give a display (Wayland, X11) and IPC')

    cleanup = set(manifest.get('cleanup', []))
    check({'/include', '/lib/pkgconfig', '/share/pkgconfig'} <= cleanup,
          'cleanup removes headers and pkg-config files')

    modules = manifest.get('modules', [])
    last = modules[-1] if modules else {}
    check(last.get('buildsystem') == 'meson', 'the last module is built with meson')
    dirs = [s for s in last.get('sources', []) if s.get('type') == 'dir']
    root = os.path.realpath(source_root)
    check(len(dirs) == 1 and os.path.realpath(os.path.join(os.path.dirname(manifest_path),
                                                           dirs[0].get('path', '')))
          == root, 'the last module builds this source tree')
    config_opts = ' '.join(last.get('config-opts', []))
    check('-Dgui=false' not in config_opts, 'the last module builds the application')

    if problems:
        return f'{len(problems)} problem(s) in {manifest_path}'
    return 0


if __name__ == '__main__':
    sys.exit(main())
