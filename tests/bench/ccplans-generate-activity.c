/* ccplans-generate-activity.c: what the generated activities say: titles, descriptions,
 * dates, codes, budgets, partners and results drawn from the words of each field, and the
 * joint activities shared by several cities. */
#define G_LOG_DOMAIN "ccplans-generate"

#include "config.h"

#include <string.h>

#include "ccplans-generate.h"

static const FieldWords field_words[] = {
  { "music",
    { "live music", "songwriting", "jazz", "traditional music", "choral singing",
      "music education", "sound heritage", "electronic music", "street music", "opera" },
    { "the municipal concert hall", "the conservatory auditorium", "the old town squares",
      "the riverside music hub", "neighbourhood cultural centres" },
    { { "{City} Conservatory", "academic" }, { "{City} Philharmonic Orchestra", "public" },
      { "Independent Music Venues Association", "civil-society" },
      { "{City} Record Label Cluster", "private" },
      { "UNESCO National Commission", "unesco-un" } } },
  { "literature",
    { "reading", "poetry", "literary translation", "children's books", "storytelling",
      "independent publishing", "oral literature", "public libraries", "creative writing",
      "book heritage" },
    { "the central library", "the old printing house", "the literature house",
      "school libraries", "the waterfront book pavilion" },
    { { "{City} Literature House", "civil-society" },
      { "{City} University, Faculty of Letters", "academic" },
      { "National Book Council", "public" }, { "Independent Publishers Guild", "private" },
      { "PEN Centre", "civil-society" } } },
  { "film",
    { "documentary film", "film heritage", "animation", "youth cinema", "film education",
      "open-air screenings", "film restoration", "short film", "location filming",
      "film music" },
    { "the city cinematheque", "open-air screens in the parks", "the film school studios",
      "the historic cinema", "the harbour warehouse" },
    { { "{City} Film Commission", "public" }, { "{City} Cinematheque", "public" },
      { "National Film School", "academic" }, { "Independent Producers Network", "private" },
      { "Film Club Federation", "civil-society" } } },
  { "design",
    { "urban design", "social design", "circular design", "product design",
      "public space design", "design education", "service design", "graphic design",
      "furniture design", "inclusive design" },
    { "the design centre", "the former textile mill", "the university design lab",
      "public squares of the centre", "the maker space" },
    { { "{City} Design Centre", "public" }, { "{City} School of Design", "academic" },
      { "Designers' Association", "civil-society" }, { "Furniture Makers Cluster", "private" },
      { "Chamber of Commerce", "private" } } },
  { "gastronomy",
    { "local food heritage", "sustainable food", "street food", "culinary education",
      "food markets", "traditional recipes", "urban agriculture", "food waste reduction",
      "regional produce", "culinary tourism" },
    { "the central market", "the culinary school kitchens", "the food hall", "urban gardens",
      "the old slaughterhouse food hub" },
    { { "{City} Culinary Institute", "academic" },
      { "Farmers' Market Cooperative", "civil-society" },
      { "{City} Chefs' Association", "private" }, { "Regional Food Agency", "public" },
      { "FAO Country Office", "unesco-un" } } },
  { "crafts-folk-art",
    { "traditional crafts", "weaving", "ceramics", "woodcarving", "craft heritage",
      "embroidery", "metalwork", "craft markets", "apprenticeships", "natural dyes" },
    { "the crafts centre", "artisans' workshops of the old town", "the folk art museum",
      "the weekly craft market", "the crafts school" },
    { { "{City} Artisans' Guild", "civil-society" }, { "Folk Art Museum", "public" },
      { "Crafts Cooperative", "private" }, { "School of Applied Arts", "academic" },
      { "UNESCO National Commission", "unesco-un" } } },
  { "media-arts",
    { "digital art", "interactive installations", "video art", "creative coding", "sound art",
      "virtual reality", "media literacy", "projection mapping", "digital heritage",
      "art and science" },
    { "the media arts centre", "facades of the old town", "the digital lab",
      "the science park", "the former power station" },
    { { "{City} Media Lab", "academic" }, { "Digital Culture Agency", "public" },
      { "Hackerspace Collective", "civil-society" }, { "Creative Tech Startups Hub", "private" },
      { "{City} Public Broadcaster", "public" } } },
  { "architecture",
    { "architectural heritage", "adaptive reuse", "sustainable building", "public housing",
      "urban regeneration", "vernacular architecture", "landscape architecture",
      "architecture education", "modernist heritage", "participatory planning" },
    { "the architecture centre", "the restored market hall", "the school of architecture",
      "historic districts", "the waterfront" },
    { { "{City} Chamber of Architects", "civil-society" }, { "Heritage Office", "public" },
      { "{City} School of Architecture", "academic" }, { "Builders' Federation", "private" },
      { "UN-Habitat", "unesco-un" } } },
  { NULL,
    { "cultural heritage", "creative industries", "cultural participation", "arts education",
      "public art", "cultural tourism", "creative entrepreneurship", "community arts",
      "cultural mapping", "intercultural dialogue" },
    { "the cultural centre", "the city museum", "the central library", "public squares",
      "neighbourhood cultural centres" },
    { { "{City} Department of Culture", "public" }, { "{City} University", "academic" },
      { "Arts Council", "public" }, { "Creative Businesses Network", "private" },
      { "Community Arts Forum", "civil-society" } } },
};

/* Title templates per activity kind: {City}, {Theme} (capitalised), {theme}, {year}. */
static const struct {
  const char *kind;
  const char *titles[3];
  guint       min_days;
  guint       max_days;
  guint       weight;
} kinds[] = {
  { "festival-event",
    { "{City} {Theme} Festival {year}", "{Theme} Week in {City}", "{City} {Theme} Nights" },
    2, 10, 18 },
  { "conference-meeting",
    { "International Forum on {theme}", "{Theme} and the City: Annual Meeting",
      "Creative Cities Meeting on {theme}" },
    1, 3, 14 },
  { "workshop-capacity-building",
    { "{Theme} Workshops", "Training Programme in {theme}", "{Theme} Masterclasses" },
    1, 120, 18 },
  { "exchange-residency",
    { "{Theme} Residency Exchange", "Artists in Residence: {theme}",
      "Professional Exchange on {theme}" },
    7, 30, 10 },
  { "research-publication",
    { "Study on {theme} in {City}", "Mapping {theme}: a Report", "{Theme} in Creative Cities" },
    30, 150, 8 },
  { "exhibition",
    { "Exhibition: {Theme} Today", "{Theme}: Past and Present", "{City} {Theme} Showcase" },
    14, 90, 10 },
  { "pilot-project",
    { "Pilot Project: {Theme} in Public Spaces", "{Theme} Lab for Neighbourhoods",
      "{Theme} and Social Inclusion" },
    30, 170, 10 },
  { "communication-campaign",
    { "{Theme} for Everyone", "Discover {City}'s {theme}", "{City} Creative City Stories" },
    14, 120, 7 },
  { "other",
    { "{Theme} Network Meeting", "{City} {Theme} Open Day", "Volunteer Programme for {theme}" },
    1, 5, 5 },
};

/* Makes the titles of a large plan mostly distinct, as they are in real plans. */
static const char * const title_qualifiers[] = {
  "", "", "", " for Schools", " for Families", " in the Neighbourhoods", " Online",
  " with Partner Cities", " for Professionals", " (Spring Edition)", " (Summer Edition)",
  " for Young People", " in the Old Town", " (Second Edition)",
};

static const char * const audiences[] = {
  "young people", "schoolchildren", "professionals of the sector", "residents of all ages",
  "emerging artists", "families", "students", "older residents", "newcomers to the city",
  "local entrepreneurs",
};

static const char * const sentences[] = {
  "{City} brings together {audience} around {theme}, with a programme prepared with local "
  "cultural organisations.",
  "The activity takes place in {venue} and is free of charge for residents.",
  "It builds on the results of the previous edition and extends them to districts that have "
  "had few cultural offers so far.",
  "Partners from other Creative Cities share their experience of {theme} and take part in "
  "joint sessions.",
  "A public call selects {count} participants, with places reserved for young people and "
  "people with disabilities.",
  "Sessions are recorded and published online so that other member cities can reuse the "
  "material.",
  "The programme links {theme} with the city's strategy for sustainable urban development.",
  "Local businesses, schools and associations are involved from the design stage onwards.",
  "An evaluation at the end measures participation and collects feedback from {audience}.",
  "The results will be presented at the annual meeting of the Network.",
  "Guided visits, talks and hands-on sessions make {theme} accessible to {audience}.",
  "A mentoring scheme pairs {audience} with experienced practitioners for the whole period.",
};

static const char * const outcomes[] = {
  "{Audience} gain new skills in {theme}.",
  "More residents take part in activities on {theme}, including in the outer districts.",
  "Lasting partnerships with other Creative Cities are built around {theme}.",
  "A public report on {theme} is shared with the Network.",
  "Local creators in {theme} reach new audiences and markets.",
};

static const char * const indicators[] = {
  "Number of participants (target: {count})",
  "At least {small} events held",
  "{small} partner organisations involved",
  "At least {percent}% of participants satisfied in the final survey",
  "Number of visitors (target: {count})",
};

static const char * const funders[] = {
  "Municipality of {City}", "Ministry of Culture", "Regional government", "Private sponsors",
  "National arts council", "International cooperation fund", "Ticket sales",
  "Municipality of {City}, Department of Culture",
};

/* Local currency and a rough number of its units per euro, for realistic amounts. */
static const struct {
  const char *country;
  const char *currency;
  guint       per_euro;
} currencies[] = {
  { "AR", "ARS", 900 }, { "AU", "AUD", 2 }, { "BR", "BRL", 5 }, { "CA", "CAD", 1 },
  { "CH", "CHF", 1 }, { "CL", "CLP", 1000 }, { "CN", "CNY", 8 }, { "CO", "COP", 4000 },
  { "CZ", "CZK", 25 }, { "DK", "DKK", 7 }, { "EG", "EGP", 50 }, { "GB", "GBP", 1 },
  { "HU", "HUF", 400 }, { "ID", "IDR", 17000 }, { "IL", "ILS", 4 }, { "IN", "INR", 90 },
  { "IR", "IRR", 45000 }, { "JP", "JPY", 160 }, { "KR", "KRW", 1450 }, { "MA", "MAD", 11 },
  { "MX", "MXN", 20 }, { "NG", "NGN", 1600 }, { "NO", "NOK", 11 }, { "NZ", "NZD", 2 },
  { "PE", "PEN", 4 }, { "PH", "PHP", 60 }, { "PL", "PLN", 4 }, { "RU", "RUB", 100 },
  { "SE", "SEK", 11 }, { "TH", "THB", 38 }, { "TR", "TRY", 35 }, { "UA", "UAH", 45 },
  { "US", "USD", 1 }, { "ZA", "ZAR", 20 },
};

static const char * const euro_countries[] = {
  "AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV",
  "MT", "NL", "PT", "SI", "SK",
};

const FieldWords *
ccp_generate_field_words (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_words) - 1; i++)
    if (g_str_equal (field_words[i].field, field))
      return &field_words[i];
  return &field_words[G_N_ELEMENTS (field_words) - 1];
}

static char *
capitalise (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char buffer[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

/* "food waste reduction" -> "Food Waste Reduction", for titles. */
static char *
title_case (const char *text)
{
  static const char * const small_words[] = { "and", "of", "in", "the", "for", "to" };
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean small = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (small_words); j++)
        small = small || g_str_equal (words[i], small_words[j]);
      if (i == 0 || !small)
        {
          char *capital = capitalise (words[i]);

          g_free (words[i]);
          words[i] = capital;
        }
    }

  return g_strjoinv (" ", words);
}

/* Values for the {name} placeholders of the templates. */
typedef struct {
  const char *city;
  const char *theme;
  const char *audience;
  const char *venue;
  guint       year;
  guint       count;
  guint       small;
  guint       percent;
} Slots;

static char *
expand (const char  *template,
        const Slots *slots)
{
  GString *text = g_string_new (NULL);
  const char *p = template;

  while (*p != '\0')
    {
      const char *close;
      g_autofree char *name = NULL;

      if (*p != '{' || (close = strchr (p, '}')) == NULL)
        {
          g_string_append_c (text, *p++);
          continue;
        }

      name = g_strndup (p + 1, close - p - 1);
      p = close + 1;

      if (g_str_equal (name, "City") || g_str_equal (name, "city"))
        g_string_append (text, slots->city);
      else if (g_str_equal (name, "theme"))
        g_string_append (text, slots->theme);
      else if (g_str_equal (name, "Theme"))
        {
          g_autofree char *capital = title_case (slots->theme);

          g_string_append (text, capital);
        }
      else if (g_str_equal (name, "audience"))
        g_string_append (text, slots->audience);
      else if (g_str_equal (name, "Audience"))
        {
          g_autofree char *capital = capitalise (slots->audience);

          g_string_append (text, capital);
        }
      else if (g_str_equal (name, "venue"))
        g_string_append (text, slots->venue);
      else if (g_str_equal (name, "year"))
        g_string_append_printf (text, "%u", slots->year);
      else if (g_str_equal (name, "count"))
        g_string_append_printf (text, "%u", slots->count);
      else if (g_str_equal (name, "small"))
        g_string_append_printf (text, "%u", slots->small);
      else if (g_str_equal (name, "percent"))
        g_string_append_printf (text, "%u", slots->percent);
      else
        g_error ("Unknown template placeholder {%s}", name);
    }

  return g_string_free (text, FALSE);
}

static void
fill_slots (Generator  *gen,
            Slots      *slots,
            const char *city,
            const char *theme)
{
  slots->city = city;
  slots->theme = theme;
  slots->audience = PICK (gen->rand, audiences);
  slots->venue = PICK (gen->rand, gen->words->venues);
  slots->year = g_date_get_year (&gen->first);
  slots->count = 10 * g_rand_int_range (gen->rand, 2, 200);
  slots->small = g_rand_int_range (gen->rand, 3, 25);
  slots->percent = 5 * g_rand_int_range (gen->rand, 14, 20);
}

/* Lowercase ASCII with "-" between words: "Saint-Étienne" -> "saint-etienne". */
char *
ccp_generate_slugify (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "x");

  return g_string_free (slug, FALSE);
}

static char *
random_description (Generator  *gen,
                    const char *city,
                    const char *theme)
{
  GString *text = g_string_new (NULL);
  guint n_sentences = g_rand_int_range (gen->rand, 2, 6);
  guint used = 0;

  for (guint i = 0; i < n_sentences; i++)
    {
      guint k = g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (sentences));
      g_autofree char *sentence = NULL;
      Slots slots;

      /* Each sentence at most once. */
      if (used & (1u << k))
        continue;
      used |= 1u << k;

      fill_slots (gen, &slots, city, theme);
      sentence = expand (sentences[k], &slots);
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, sentence);
    }

  return g_string_free (text, FALSE);
}

static guint
pick_kind (GRand *rand)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    total += kinds[i].weight;

  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (r < kinds[i].weight)
        return i;
      r -= kinds[i].weight;
    }

  g_assert_not_reached ();
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* Dates inside the period, the length typical of the kind. */
static void
random_dates (Generator *gen,
              guint      kind,
              char     **start,
              char     **end)
{
  guint n_days = g_date_days_between (&gen->first, &gen->last) + 1;
  guint length = g_rand_int_range (gen->rand, kinds[kind].min_days, kinds[kind].max_days + 1);
  guint offset;
  GDate first = gen->first;
  GDate last;

  length = MIN (length, n_days);
  offset = g_rand_int_range (gen->rand, 0, n_days - length + 1);
  g_date_add_days (&first, offset);
  last = first;
  g_date_add_days (&last, length - 1);

  *start = format_date (&first);
  *end = format_date (&last);
}

/* count distinct codes among first..last, with must (if not 0) among them. */
static char **
random_codes (GRand *rand,
              guint  first,
              guint  last,
              guint  count,
              guint  must)
{
  GPtrArray *codes = g_ptr_array_new ();
  guint64 chosen = 0;

  if (must != 0)
    {
      chosen |= G_GUINT64_CONSTANT (1) << must;
      count--;
    }
  while (count > 0)
    {
      guint code = g_rand_int_range (rand, first, last + 1);

      if (chosen & (G_GUINT64_CONSTANT (1) << code))
        continue;
      chosen |= G_GUINT64_CONSTANT (1) << code;
      count--;
    }

  for (guint code = first; code <= last; code++)
    if (chosen & (G_GUINT64_CONSTANT (1) << code))
      g_ptr_array_add (codes, g_strdup_printf ("%u", code));
  g_ptr_array_add (codes, NULL);

  return (char **) g_ptr_array_free (codes, FALSE);
}

static const char *
local_currency (Generator  *gen,
                const char *country,
                guint      *per_euro)
{
  for (guint i = 0; i < G_N_ELEMENTS (euro_countries); i++)
    if (g_str_equal (euro_countries[i], country))
      {
        *per_euro = 1;
        return "EUR";
      }

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_str_equal (currencies[i].country, country) &&
        ccp_iso_codes_has_currency (gen->iso_codes, currencies[i].currency))
      {
        *per_euro = currencies[i].per_euro;
        return currencies[i].currency;
      }

  *per_euro = 1;
  return "USD";
}

static void
add_budget_and_funding (Generator   *gen,
                        CcpActivity *activity,
                        City        *city)
{
  Slots slots;

  if (g_rand_int_range (gen->rand, 0, 6) == 0)
    ccp_activity_set_budget_none (activity, TRUE);
  else
    {
      guint per_euro;
      const char *currency = local_currency (gen, city->country, &per_euro);
      guint64 amount = (guint64) 500 * g_rand_int_range (gen->rand, 4, 300) * per_euro;
      g_autofree char *text = NULL;

      /* Large currencies have no cents in practice. */
      if (per_euro < 100)
        text = g_strdup_printf ("%" G_GUINT64_FORMAT ".00", amount);
      else
        text = g_strdup_printf ("%" G_GUINT64_FORMAT, amount);
      ccp_activity_set_budget_amount (activity, text);
      ccp_activity_set_budget_currency (activity, currency);
    }

  if (g_rand_int_range (gen->rand, 0, 8) == 0)
    ccp_activity_set_funding_none (activity, TRUE);
  else
    {
      guint n = g_rand_int_range (gen->rand, 1, 4);
      g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);

      fill_slots (gen, &slots, city->name, "");
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *source = expand (PICK (gen->rand, funders), &slots);

          if (!g_ptr_array_find_with_equal_func (sources, source, g_str_equal, NULL))
            g_ptr_array_add (sources, g_steal_pointer (&source));
        }
      g_ptr_array_add (sources, NULL);
      ccp_activity_set_funding (activity, (const char * const *) sources->pdata);
    }
}

static void
add_organisations (Generator   *gen,
                   CcpActivity *activity,
                   City        *city)
{
  CcpItemList *store = ccp_activity_get_partner_organisations (activity);
  guint n = g_rand_int_range (gen->rand, 0, 4);
  guint used = 0;

  if (n == 0)
    {
      ccp_activity_set_partner_organisations_none (activity, TRUE);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      guint k = g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (gen->words->organisations));
      g_autofree char *name = NULL;
      g_autoptr(CcpPartner) partner = NULL;
      Slots slots = { .city = city->name };

      if (used & (1u << k))
        continue;
      used |= 1u << k;

      name = expand (gen->words->organisations[k].name, &slots);
      partner = ccp_partner_new_organisation (name, gen->words->organisations[k].sector);
      ccp_item_list_append (store, partner);
    }
}

static void
add_results (Generator   *gen,
             CcpActivity *activity,
             const char  *city,
             const char  *theme)
{
  guint n = g_rand_int_range (gen->rand, 0, 3);

  if (n == 0)
    {
      ccp_activity_set_results_none (activity, TRUE);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *outcome = NULL;
      g_autofree char *indicator = NULL;
      g_autoptr(CcpResult) result = NULL;
      Slots slots;

      fill_slots (gen, &slots, city, theme);
      outcome = expand (PICK (gen->rand, outcomes), &slots);
      if (g_rand_int_range (gen->rand, 0, 5) != 0)
        indicator = expand (PICK (gen->rand, indicators), &slots);
      result = ccp_result_new (outcome, indicator);
      ccp_item_list_append (ccp_activity_get_results (activity), result);
    }
}

static void
add_partner_city (CcpActivity *activity,
                  const char  *name,
                  const char  *country,
                  const char  *field)
{
  CcpItemList *store = ccp_activity_get_partner_cities (activity);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(CcpPartner) partner = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CcpPartner) other = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_str_equal (ccp_partner_get_name (other), name))
        return;
    }

  partner = ccp_partner_new_city (name, country, field);
  ccp_item_list_append (store, partner);
}

/* Partner member cities from the registry: mostly of the same field, some cross-field. */
static void
add_registry_partners (Generator   *gen,
                       CcpActivity *activity,
                       City        *city)
{
  CcpRegistry *registry = ccp_registry_get_default ();
  GListModel *all = ccp_registry_get_cities (registry);
  guint n = g_rand_int_range (gen->rand, 0, 4);

  if (n == 0)
    {
      ccp_activity_set_partner_cities_none (activity, TRUE);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcpMemberCity) member = NULL;

      if (gen->registry_members->len > 1 && g_rand_int_range (gen->rand, 0, 4) != 0)
        {
          guint k = g_rand_int_range (gen->rand, 0, gen->registry_members->len);

          member = g_object_ref (g_ptr_array_index (gen->registry_members, k));
        }
      else
        {
          member = g_list_model_get_item (all,
                                          g_rand_int_range (gen->rand, 0,
                                                            g_list_model_get_n_items (all)));
        }

      if (g_str_equal (ccp_member_city_get_name (member), city->name))
        continue;
      add_partner_city (activity, ccp_member_city_get_name (member),
                        ccp_member_city_get_country (member),
                        ccp_member_city_get_field (member));
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (ccp_activity_get_partner_cities (activity))) == 0)
    ccp_activity_set_partner_cities_none (activity, TRUE);
}

static void
set_place (Generator   *gen,
           CcpActivity *activity,
           City        *city,
           const char  *kind)
{
  gboolean can_be_online = g_str_equal (kind, "conference-meeting") ||
                           g_str_equal (kind, "communication-campaign") ||
                           g_str_equal (kind, "research-publication");

  if (can_be_online && g_rand_int_range (gen->rand, 0, 3) == 0)
    {
      ccp_activity_set_online (activity, TRUE);
      ccp_activity_set_place (activity, "Online");
    }
  else
    {
      g_autofree char *place = g_strdup_printf ("%s, %s", city->name,
                                                PICK (gen->rand, gen->words->venues));

      ccp_activity_set_place (activity, place);
    }
}

static const char *
random_state (GRand *rand)
{
  guint r = g_rand_int_range (rand, 0, 100);

  if (r < 75)
    return "planned";
  if (r < 88)
    return "ongoing";
  if (r < 94)
    return "carried-over";
  return "postponed";
}

CcpActivity *
ccp_generate_activity (Generator *gen,
              City      *city,
              guint      number)
{
  g_autofree char *id = g_strdup_printf ("a%u", number);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_auto(GStrv) objectives = NULL;
  g_auto(GStrv) areas = NULL;
  CcpActivity *activity = ccp_activity_new (id);
  const char *theme = PICK (gen->rand, gen->words->themes);
  guint kind = pick_kind (gen->rand);
  Slots slots;

  fill_slots (gen, &slots, city->name, theme);
  {
    const char *template = PICK (gen->rand, kinds[kind].titles);
    g_autofree char *base = expand (template, &slots);

    /* Cities rarely give the same title as another city: naming the city keeps the
     * merge's possible-duplicate report as small as in real submissions. */
    if (strstr (template, "{City}") == NULL)
      title = g_strconcat (city->name, ": ", base, PICK (gen->rand, title_qualifiers), NULL);
    else
      title = g_strconcat (base, PICK (gen->rand, title_qualifiers), NULL);
  }
  description = random_description (gen, city->name, theme);
  random_dates (gen, kind, &start, &end);

  ccp_activity_set_title (activity, title);
  ccp_activity_set_description (activity, description);
  ccp_activity_set_kind (activity, kinds[kind].kind);
  ccp_activity_set_scope (activity,
                          g_rand_int_range (gen->rand, 0, 3) == 0 ? "international" : "local");
  ccp_activity_set_state (activity, random_state (gen->rand));
  ccp_activity_set_flagship (activity, g_rand_int_range (gen->rand, 0, 12) == 0);
  ccp_activity_set_start_date (activity, start);
  ccp_activity_set_end_date (activity, end);
  set_place (gen, activity, city, kinds[kind].kind);

  objectives = random_codes (gen->rand, 1, 6, g_rand_int_range (gen->rand, 1, 4), 0);
  areas = random_codes (gen->rand, 1, 6, g_rand_int_range (gen->rand, 1, 4), 0);
  ccp_activity_set_objectives (activity, (const char * const *) objectives);
  ccp_activity_set_areas (activity, (const char * const *) areas);
  if (g_rand_int_range (gen->rand, 0, 8) == 0)
    ccp_activity_set_sdgs_none (activity, TRUE);
  else
    {
      g_auto(GStrv) sdgs = random_codes (gen->rand, 1, 17, g_rand_int_range (gen->rand, 1, 4),
                                         g_rand_boolean (gen->rand) ? 11 : 0);

      ccp_activity_set_sdgs (activity, (const char * const *) sdgs);
    }

  add_registry_partners (gen, activity, city);
  add_organisations (gen, activity, city);
  add_budget_and_funding (gen, activity, city);
  add_results (gen, activity, city->name, theme);

  return activity;
}

/* An activity with only what the validator requires, each value short. */
CcpActivity *
ccp_generate_compact_activity (Generator *gen,
                      City      *city,
                      guint      number)
{
  g_autofree char *id = g_strdup_printf ("a%u", number);
  g_autofree char *title = g_strdup_printf ("Event %u", number);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_auto(GStrv) objectives = random_codes (gen->rand, 1, 6, 1, 0);
  g_auto(GStrv) areas = random_codes (gen->rand, 1, 6, 1, 0);
  g_auto(GStrv) sdgs = random_codes (gen->rand, 1, 17, 1, 0);
  CcpActivity *activity = ccp_activity_new (id);
  guint kind = G_N_ELEMENTS (kinds) - 1;  /* "other", the shortest */

  random_dates (gen, kind, &start, &end);
  ccp_activity_set_title (activity, title);
  ccp_activity_set_description (activity, PICK (gen->rand, gen->words->themes));
  ccp_activity_set_kind (activity, kinds[kind].kind);
  ccp_activity_set_scope (activity, "local");
  ccp_activity_set_state (activity, "planned");
  ccp_activity_set_start_date (activity, start);
  ccp_activity_set_end_date (activity, end);
  ccp_activity_set_place (activity, city->name);
  ccp_activity_set_objectives (activity, (const char * const *) objectives);
  ccp_activity_set_areas (activity, (const char * const *) areas);
  ccp_activity_set_sdgs (activity, (const char * const *) sdgs);

  return activity;
}

/* This city's copy of a joint activity: shared content, its own place, partners and budget. */
CcpActivity *
ccp_generate_joint_copy (Generator     *gen,
                City          *city,
                JointActivity *joint,
                guint          number)
{
  g_autofree char *id = g_strdup_printf ("a%u", number);
  CcpActivity *activity = ccp_activity_new (id);

  ccp_activity_set_title (activity, joint->title);
  ccp_activity_set_description (activity, joint->description);
  ccp_activity_set_kind (activity, joint->kind);
  ccp_activity_set_scope (activity, "international");
  ccp_activity_set_state (activity, "planned");
  ccp_activity_set_joint_ref (activity, joint->joint_ref);
  ccp_activity_set_start_date (activity, joint->start);
  ccp_activity_set_end_date (activity, joint->end);
  set_place (gen, activity, city, joint->kind);
  ccp_activity_set_objectives (activity, (const char * const *) joint->objectives);
  ccp_activity_set_areas (activity, (const char * const *) joint->areas);
  ccp_activity_set_sdgs (activity, (const char * const *) joint->sdgs);

  for (guint i = 0; i < joint->cities->len; i++)
    {
      City *other = g_ptr_array_index (joint->cities, i);

      if (other != city)
        add_partner_city (activity, other->name, other->country, other->field);
    }

  add_organisations (gen, activity, city);
  add_budget_and_funding (gen, activity, city);
  add_results (gen, activity, city->name, joint->theme);

  return activity;
}

/* About one activity in ten is a copy of a joint activity of 2 to 4 cities, and a city has at
 * most half of its activities joint. */
void
ccp_generate_joint_activities (Generator *gen,
                       guint      n_activities)
{
  guint n_cities = gen->cities->len;
  guint capacity = n_activities / 2;
  guint wanted_copies = n_cities * n_activities / 10;
  guint copies = 0;
  guint year = g_date_get_year (&gen->first);
  g_autofree char *period_slug = g_ascii_strdown (gen->period, -1);

  if (n_cities < 2 || capacity == 0)
    return;

  for (guint attempts = 0; copies < wanted_copies && attempts < wanted_copies * 4; attempts++)
    {
      guint size = MIN (n_cities, (guint) g_rand_int_range (gen->rand, 2, 5));
      JointActivity *joint;
      g_autoptr(GPtrArray) members = g_ptr_array_new ();
      guint kind;

      for (guint tries = 0; members->len < size && tries < size * 8; tries++)
        {
          City *city = g_ptr_array_index (gen->cities,
                                          g_rand_int_range (gen->rand, 0, n_cities));

          if (city->joint->len < capacity && !g_ptr_array_find (members, city, NULL))
            g_ptr_array_add (members, city);
        }
      if (members->len < 2)
        continue;

      joint = g_new0 (JointActivity, 1);
      joint->joint_ref = g_strdup_printf ("uccn-%s-%s-j%04u", gen->field, period_slug,
                                          gen->joint->len + 1);
      joint->theme = PICK (gen->rand, gen->words->themes);
      do
        kind = pick_kind (gen->rand);
      while (g_str_equal (kinds[kind].kind, "communication-campaign") ||
             g_str_equal (kinds[kind].kind, "other"));
      joint->kind = kinds[kind].kind;

      {
        g_autofree char *capital = title_case (joint->theme);
        g_autoptr(GString) names = g_string_new (NULL);

        /* Named after its cities, as joint projects are, so that titles differ. */
        for (guint i = 0; i < members->len; i++)
          {
            if (i > 0)
              g_string_append (names, i + 1 == members->len ? " and " : ", ");
            g_string_append (names, ((City *) g_ptr_array_index (members, i))->name);
          }
        joint->title = g_strdup_printf ("%s: %s %s %u", names->str, capital,
                                        g_str_equal (joint->kind, "exchange-residency")
                                        ? "Exchange"
                                        : (g_rand_boolean (gen->rand) ? "Lab" : "Forum"),
                                        year);
      }
      joint->description = random_description (gen, "Each partner city", joint->theme);
      random_dates (gen, kind, &joint->start, &joint->end);
      joint->objectives = random_codes (gen->rand, 1, 6, g_rand_int_range (gen->rand, 1, 3), 1);
      joint->areas = random_codes (gen->rand, 1, 6, g_rand_int_range (gen->rand, 1, 3), 3);
      joint->sdgs = random_codes (gen->rand, 1, 17, 2, 17);
      joint->cities = g_ptr_array_ref (members);

      for (guint i = 0; i < members->len; i++)
        g_ptr_array_add (((City *) g_ptr_array_index (members, i))->joint, joint);
      copies += members->len;
      g_ptr_array_add (gen->joint, joint);
    }
}
