"""What the apps' demo modules (samverkan/<app>/demo.py) share with samverkan.demo: the demo
users' published password, Malmö's districts and the slugs of the organisations they refer to.

Plain data below every app, so that an app's demo module need not import samverkan.demo, which
sits on top and imports them all. samverkan.demo.data offers the same names.
"""

DEMO_PASSWORD = "malmoandan2018"  # nosec B105  # the demo users' published password

# (name, postal code, streets): real districts of Malmö; postal codes and streets are plausible.
DISTRICTS = [
    ("Centrum", "211 22", ["Södergatan", "Östergatan", "Kalendegatan", "Baltzarsgatan"]),
    ("Västra Innerstaden", "217 41", ["Regementsgatan", "Fridhemsvägen", "Erik Dahlbergsgatan"]),
    ("Södra Innerstaden", "214 22", ["Södra Förstadsgatan", "Spångatan", "Kristianstadsgatan"]),
    ("Möllevången", "214 27", ["Bergsgatan", "Möllevångsgatan", "Claesgatan"]),
    ("Sofielund", "214 33", ["Nobelvägen", "Lantmannagatan", "Ystadvägen"]),
    ("Seved", "214 37", ["Rasmusgatan", "Sevedsgatan", "Jespersgatan"]),
    ("Augustenborg", "214 46", ["Augustenborgsgatan", "Lönngatan", "Norra Grängesbergsgatan"]),
    ("Rosengård", "213 64", ["Ramels väg", "Von Rosens väg", "Amiralsgatan"]),
    ("Herrgården", "213 68", ["Ramels väg", "Rosengårdsstråket", "Hårds väg"]),
    ("Persborg", "213 61", ["Persborgstorget", "Amiralsgatan", "Lantmannagatan"]),
    ("Östervärn", "212 18", ["Sallerupsvägen", "Östervärnsgatan", "Lundavägen"]),
    ("Kirseberg", "212 33", ["Kirsebergsgatan", "Vattenverksvägen", "Dalhemsgatan"]),
    ("Värnhem", "211 46", ["Värnhemstorget", "Föreningsgatan", "Östra Förstadsgatan"]),
    ("Lindängen", "215 73", ["Lindängsvägen", "Lindängstorget", "Vårsångsgatan"]),
    ("Holma", "215 64", ["Holmagatan", "Lorensborgsgatan", "Annelundsgatan"]),
    ("Kroksbäck", "215 65", ["Kroksbäcksparken", "Kroksbäcksvägen", "Munkhättegatan"]),
    ("Hermodsdal", "215 76", ["Hermodsdalsvägen", "Ärtholmsvägen", "Bäckagårdsvägen"]),
    ("Nydala", "214 75", ["Nydalatorget", "Eriksfältsgatan", "Sorgenfrivägen"]),
    ("Fosie", "212 58", ["Fosievägen", "Agnesfridsvägen", "Inglasgatan"]),
    ("Oxie", "238 31", ["Oxie kyrkoväg", "Kastanjeallén", "Glomstigen"]),
    ("Husie", "212 59", ["Husie kyrkoväg", "Husiebäcksvägen", "Kvarnbyvägen"]),
    ("Hyllie", "215 32", ["Hyllie boulevard", "Hyllie stationstorg", "Hyllie vattenparksgata"]),
    ("Limhamn", "216 11", ["Linnégatan", "Limhamnsvägen", "Strandgatan"]),
    ("Bunkeflo", "218 45", ["Bunkeflo strandväg", "Gottorpsvägen", "Ängslättsvägen"]),
    ("Klagshamn", "218 35", ["Klagshamnsvägen", "Kalkbrottsvägen", "Stenbocks väg"]),
    ("Tygelsjö", "218 71", ["Tygelsjövägen", "Byagatan", "Västra Klagstorpsvägen"]),
    ("Västra Hamnen", "211 15", ["Stora Varvsgatan", "Ankarparken", "Dockplatsen"]),
    ("Slottsstaden", "217 55", ["Mariedalsvägen", "Fågelbacksgatan", "Mäster Henriksgatan"]),
    ("Bellevue", "217 53", ["Bellevuevägen", "Hästhagsvägen", "Ribersborgsvägen"]),
]

MALMO_IDEELLA = "malmo-ideella"
MISO = "miso"
