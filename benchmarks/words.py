"""Swedish vocabulary for the synthetic process repositories of ``generate.py``.

The words are combined at random, so the texts read as plausible municipal Swedish without
meaning anything. The writer quotes whatever is not a safe plain YAML scalar (``SOSFS 2011:9``).
"""

from __future__ import annotations

AREA_NAMES: tuple[str, ...] = (
    "Barn och unga",
    "Ekonomiskt bistånd",
    "Äldreomsorg",
    "Funktionsstöd",
    "Vuxen och missbruk",
    "Arbetsmarknad",
    "Förskola",
    "Grundskola",
    "Gymnasieskola",
    "Vuxenutbildning",
    "Kultur och bibliotek",
    "Fritid och idrott",
    "Bygglov",
    "Miljö och hälsoskydd",
    "Gata och park",
    "Vatten och avlopp",
    "Avfall och återvinning",
    "Räddningstjänst",
    "Kommunikation",
    "Personal och kompetens",
    "Ekonomi och styrning",
    "Digitalisering och IT",
    "Upphandling",
    "Fastighetsförvaltning",
    "Måltidsservice",
    "Överförmyndare",
    "Bostadsanpassning",
    "Färdtjänst",
    "Näringsliv",
    "Besöksnäring",
    "Kansli och nämndservice",
    "Hemtjänst",
    "Särskilt boende",
    "Hälso- och sjukvård",
    "Integration och mottagning",
    "Folkhälsa",
    "Krisberedskap och säkerhet",
    "Trafik och parkering",
    "Samhällsplanering",
    "Kundcenter",
)

DISTRICTS: tuple[str, ...] = (
    "Norr",
    "Söder",
    "Öster",
    "Väster",
    "Centrum",
    "Landsbygd",
    "Skärgården",
    "Ängö",
)

UNITS: tuple[str, ...] = (
    "Socialförvaltningen",
    "Omsorgsförvaltningen",
    "Barn- och utbildningsförvaltningen",
    "Samhällsbyggnadsförvaltningen",
    "Kultur- och fritidsförvaltningen",
    "Kommunledningsförvaltningen",
    "Serviceförvaltningen",
    "Miljö- och hälsoskyddsförvaltningen",
)

CUSTOMERS: tuple[str, ...] = (
    "Barn, unga och deras vårdnadshavare",
    "Äldre personer med behov av stöd",
    "Personer med funktionsnedsättning",
    "Invånare som söker stöd till sin försörjning",
    "Elever och deras vårdnadshavare",
    "Företagare och organisationer",
    "Fastighetsägare och byggherrar",
    "Besökare och invånare i kommunen",
    "Kommunens chefer och medarbetare",
    "Nämnden och dess ledamöter",
    "Personer med missbruk eller beroende",
    "Nyanlända och deras familjer",
)

PROCESS_VERBS: tuple[str, ...] = (
    "Handlägga",
    "Utreda",
    "Besluta om",
    "Planera",
    "Genomföra",
    "Följa upp",
    "Ta emot",
    "Bedöma",
    "Samordna",
    "Dokumentera",
    "Upphandla",
    "Rekrytera till",
    "Avsluta",
    "Granska",
    "Hantera",
    "Förbereda",
    "Verkställa",
    "Utvärdera",
    "Informera om",
    "Leda och styra",
    "Utveckla",
    "Säkra kvaliteten i",
)

PROCESS_OBJECTS: tuple[str, ...] = (
    "ansökan om bistånd",
    "anmälan om oro för barn",
    "placering i familjehem",
    "insatser i hemtjänst",
    "ansökan om försörjningsstöd",
    "ärenden enligt LSS",
    "vårdplanering vid utskrivning",
    "skolplacering",
    "elevhälsoarbete",
    "modersmålsundervisning",
    "bygglovsansökan",
    "tillsyn av livsmedelsverksamhet",
    "klagomål på buller",
    "felanmälan",
    "synpunkter och klagomål",
    "allmänna handlingar",
    "nämndens sammanträden",
    "delegationsbeslut",
    "budget och verksamhetsplan",
    "årsredovisning",
    "internkontroll",
    "rekrytering",
    "introduktion av nyanställda",
    "arbetsmiljöarbete",
    "lönerevision",
    "avtalsuppföljning",
    "direktupphandling",
    "behörigheter i verksamhetssystem",
    "informationssäkerhetsincidenter",
    "avvikelser",
    "lex Sarah",
    "lex Maria",
    "läkemedelshantering",
    "fallprevention",
    "nutrition",
    "boendestöd",
    "daglig verksamhet",
    "kontaktperson",
    "ledsagning",
    "avlösarservice",
    "korttidsvistelse",
    "bostadsanpassningsbidrag",
    "färdtjänsttillstånd",
    "god man och förvaltare",
    "föreningsbidrag",
    "lokalbokning",
    "evenemang",
    "krisstöd",
    "brandskyddskontroll",
    "tillstånd för servering",
    "parkeringstillstånd",
    "vinterväghållning",
    "parkskötsel",
    "vattenmätare",
    "avfallsabonnemang",
    "detaljplaner",
    "markanvisning",
    "näringslivskontakter",
    "mottagning av nyanlända",
    "samhällsorientering",
    "försörjningsplaner",
    "arkivering",
    "diarieföring",
    "webbpublicering",
    "pressförfrågningar",
    "kostplanering",
    "specialkost",
    "lokalvård",
    "felavhjälpande underhåll",
    "hyresavtal",
)

ACTIVITY_STEPS: tuple[tuple[str, str], ...] = (
    ("ta-emot", "Ta emot"),
    ("registrera", "Registrera"),
    ("forbereda", "Förbereda"),
    ("planera", "Planera"),
    ("inhamta", "Inhämta underlag för"),
    ("samtala", "Samtala om"),
    ("bedoma", "Bedöma"),
    ("utreda", "Utreda"),
    ("samrada", "Samråda om"),
    ("besluta", "Besluta om"),
    ("kommunicera", "Kommunicera"),
    ("genomfora", "Genomföra"),
    ("dokumentera", "Dokumentera"),
    ("folja-upp", "Följa upp"),
    ("utvardera", "Utvärdera"),
    ("avsluta", "Avsluta"),
    ("arkivera", "Arkivera"),
    ("rapportera", "Rapportera"),
)

OPERATIONAL_ROLES: tuple[tuple[str, str], ...] = (
    ("socialsekreterare", "Socialsekreterare"),
    ("enhetschef", "Enhetschef"),
    ("avdelningschef", "Avdelningschef"),
    ("bistandshandlaggare", "Biståndshandläggare"),
    ("handlaggare", "Handläggare"),
    ("underskoterska", "Undersköterska"),
    ("sjukskoterska", "Sjuksköterska"),
    ("arbetsterapeut", "Arbetsterapeut"),
    ("fysioterapeut", "Fysioterapeut"),
    ("skolkurator", "Skolkurator"),
    ("larare", "Lärare"),
    ("rektor", "Rektor"),
    ("forskollarare", "Förskollärare"),
    ("administrator", "Administratör"),
    ("registrator", "Registrator"),
    ("namndsekreterare", "Nämndsekreterare"),
    ("controller", "Controller"),
    ("ekonom", "Ekonom"),
    ("hr-konsult", "HR-konsult"),
    ("it-tekniker", "IT-tekniker"),
    ("upphandlare", "Upphandlare"),
    ("bygglovshandlaggare", "Bygglovshandläggare"),
    ("miljoinspektor", "Miljöinspektör"),
    ("kommunikator", "Kommunikatör"),
    ("jurist", "Jurist"),
    ("systemforvaltare", "Systemförvaltare"),
    ("kundtjanstmedarbetare", "Kundtjänstmedarbetare"),
    ("boendestodjare", "Boendestödjare"),
    ("familjebehandlare", "Familjebehandlare"),
    ("verksamhetsutvecklare", "Verksamhetsutvecklare"),
)

# id, name, management_area, level: the six roles of process-oriented governance.
GOVERNANCE_ROLES: tuple[tuple[str, str, str, str], ...] = (
    ("processagare", "Processägare", "process", "strategic"),
    ("processledare", "Processledare", "process", "tactical"),
    ("processtod", "Processtöd", "process", "operational"),
    ("resursagare", "Resursägare", "resource", "strategic"),
    ("affarsagare", "Affärsägare", "resource", "tactical"),
    ("team", "Team", "work", "operational"),
)

FIRST_NAMES: tuple[str, ...] = (
    "Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Sara", "Per",
    "Lena", "Mikael", "Emma", "Björn", "Ingrid", "Åsa", "Jonas", "Sofia", "Magnus", "Helena",
    "Oskar", "Linnéa", "Göran", "Märta", "Ali", "Fatima", "Mohammed", "Elin", "Patrik", "Ylva",
)

LAST_NAMES: tuple[str, ...] = (
    "Nilsson", "Åberg", "Andersson", "Johansson", "Karlsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson", "Pettersson", "Jönsson", "Lindström", "Öberg",
    "Bergström", "Håkansson", "Sjöberg", "Lindqvist", "Ström", "Ekström", "Sandberg",
    "Forsberg", "Björk", "Hassan", "Ahmed", "Wallin", "Engström", "Dahlgren", "Nyström",
)

SUBJECTS: tuple[str, ...] = (
    "Handläggaren", "Enheten", "Verksamheten", "Nämnden", "Medarbetaren", "Processledaren",
    "Teamet", "Förvaltningen", "Chefen", "Ansvarig funktion",
)

VERBS: tuple[str, ...] = (
    "säkerställer", "dokumenterar", "bedömer", "följer upp", "samordnar", "planerar",
    "kommunicerar", "granskar", "prioriterar", "beskriver", "stärker", "förbättrar",
    "utvecklar", "analyserar", "tydliggör", "återkopplar",
)

ADJECTIVES: tuple[str, ...] = (
    "rätt", "tydlig", "snabb", "trygg", "rättssäker", "likvärdig", "god", "samordnad",
    "hållbar", "effektiv", "tillgänglig", "kvalitetssäkrad", "dokumenterad", "förutsägbar",
    "jämlik", "långsiktig",
)

NOUNS: tuple[str, ...] = (
    "handläggning", "bedömning", "uppföljning", "dokumentation", "information", "samverkan",
    "planering", "service", "vård", "omsorg", "stödinsats", "kvalitet", "återkoppling",
    "delaktighet", "tillgänglighet", "kontinuitet", "rättssäkerhet", "styrning",
)

OBJECTS: tuple[str, ...] = (
    "barnets behov", "den enskildes rätt", "beslutet", "insatsen", "utredningen",
    "vårdnadshavarnas delaktighet", "ärendets underlag", "genomförandeplanen", "journalen",
    "tidsfristerna", "brukarens önskemål", "elevens lärande", "patientens säkerhet",
    "kundens förväntningar", "verksamhetens mål", "informationssäkerheten", "arbetsmiljön",
)

PHRASES: tuple[str, ...] = (
    "i rätt tid", "utifrån gällande lagstiftning", "i samverkan med berörda",
    "enligt fastställd rutin", "inom lagstadgad tid", "med barnets bästa i fokus",
    "på ett likvärdigt sätt", "över tid", "för varje ärende", "i hela kommunen",
    "med den enskilde i centrum", "utan onödiga överlämningar", "enligt nämndens riktlinjer",
    "så att inget faller mellan stolarna",
)

OUTCOMES: tuple[str, ...] = (
    "Beslut är fattat och kommunicerat",
    "Insatsen är verkställd",
    "Ärendet är avslutat och arkiverat",
    "Den enskilde har fått besked",
    "Uppföljningen är dokumenterad",
    "Behovet är tillgodosett",
    "Underlaget är överlämnat",
    "Rapporten är fastställd av nämnden",
)

TRIGGERS: tuple[str, ...] = (
    "En ansökan kommer in",
    "En anmälan tas emot",
    "Ett behov uppmärksammas",
    "En begäran inkommer via e-tjänst",
    "Ett nytt verksamhetsår planeras",
    "En avvikelse rapporteras",
    "Ett uppdrag ges av nämnden",
    "En vårdnadshavare tar kontakt",
)

ARTIFACTS: tuple[str, ...] = (
    "Ansökan", "Anmälan", "Beslut", "Utredning", "Genomförandeplan", "Journalanteckning",
    "Delegationsbeslut", "Tjänsteskrivelse", "Protokoll", "Avtal", "Faktura", "Rapport",
    "Underlag", "Remissvar", "Uppföljningsplan", "Besked",
)

REQUIREMENT_SOURCES: tuple[str, ...] = (
    "SoL 11 kap. 1 §", "SoL 11 kap. 2 §", "SoL 3 kap. 3 §", "LSS 9 §", "LSS 15 §",
    "Skollagen (2010:800) 3 kap.", "Förvaltningslagen (2017:900) 9 §", "GDPR art. 5",
    "Offentlighets- och sekretesslagen", "Kommunallagen 6 kap. 6 §", "Arbetsmiljölagen 3 kap.",
    "LOU (2016:1145)", "SOSFS 2011:9", "HSLF-FS 2017:37", "PBL 9 kap. 27 §",
    "Livsmedelslagen", "Miljöbalken 26 kap.", "Arkivlagen",
)

MEASURE_NAMES: tuple[str, ...] = (
    "Handläggningstid", "Andel beslut inom lagstadgad tid", "Nöjd kund-index",
    "Antal avvikelser", "Andel genomförandeplaner", "Kostnad per ärende", "Väntetid",
    "Andel överklagade beslut", "Personalomsättning", "Andel digitala ansökningar",
    "Antal återaktualiseringar", "Sjukfrånvaro",
)

TARGETS: tuple[str, ...] = (
    "Högst 30 dagar", "Minst 90 procent", "Minst 80 av 100", "Färre än 5 per kvartal",
    "100 procent", "Högst budgeterad nivå", "Högst 14 dagar", "Under 2 procent",
    "Minst 75 procent", "Högst 10 procent",
)

CONTROL_METHODS: tuple[str, ...] = (
    "Journalgranskning", "Stickprov", "Egenkontroll enligt checklista", "Uppföljningsmöte",
    "Registeruppföljning", "Enkät", "Internrevision", "Avvikelseanalys",
)

SYSTEMS: tuple[str, ...] = (
    "Lifecare", "Treserva", "Procapita", "Platina", "Raindance", "Visma", "Heroma",
    "Public 360", "W3D3", "Ciceron", "Ecos", "Edlevo", "Combine", "Tieto Lifecare",
)

TAGS: tuple[str, ...] = (
    "barnrätt", "digitalisering", "informationssäkerhet", "jämställdhet", "tillgänglighet",
    "rättssäkerhet", "samverkan", "kvalitet", "ekonomi", "arbetsmiljö",
)

HANDBOOK_TYPES: tuple[tuple[str, str], ...] = (
    ("handbook", "handbok"),
    ("routine", "rutin"),
    ("routine", "rutin"),
    ("guideline", "riktlinje"),
    ("policy", "policy"),
    ("instruction", "instruktion"),
    ("checklist", "checklista"),
)

PROPOSAL_TITLES: tuple[str, ...] = (
    "Digital ansökan i stället för blankett",
    "Färre överlämningar mellan enheterna",
    "Gemensam mall för genomförandeplan",
    "Tydligare återkoppling till den sökande",
    "Automatisk påminnelse vid tidsfrist",
    "Samla rutinerna på ett ställe",
    "Kortare väntetid för första kontakt",
    "Bättre introduktion för nya handläggare",
)

PROPOSAL_STATUSES: tuple[str, ...] = ("new", "new", "assessing", "accepted", "rejected", "done")

DECISION_BODIES: tuple[str, ...] = (
    "Socialnämnden",
    "Omsorgsnämnden",
    "Barn- och utbildningsnämnden",
    "Samhällsbyggnadsnämnden",
    "Kommunstyrelsen",
    "Förvaltningschefen",
)
