//! Writes realistic, valid family plans for the benchmark: the same files on every run.
//!
//!     cargo run --release --example gen-plans -- COUNT DIR
//!
//! Plans are spread over 20 folders, about 4–5 KB each: 2–5 family members, 3–9 network people,
//! 2–6 goals (some shared with few), 3–14 agreements, evaluations and meetings.

use std::fmt::Write as _;
use std::path::Path;

struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Sanne", "Daan", "Lotte", "Fatima", "Youssef", "Amira", "Bilal", "Marieke", "Jelle", "Sem", "Fenna",
    "Ilse", "Mark", "Noor", "Finn", "Emma", "Lucas", "Sophie", "Milan", "Julia", "Mohamed", "Zeynep",
];
const LAST: &[&str] = &[
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "El Amrani",
    "Yilmaz",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
];
const ROLES: &[(&str, &str, bool)] = &[
    ("jeugd- en gezinswerker", "CJG", true),
    ("leerkracht", "Basisschool De Regenboog", true),
    ("schuldhulpverlener", "Schuldhulp", true),
    ("wijkverpleegkundige", "Buurtzorg", true),
    ("jobcoach", "Werkpunt", true),
    ("huisarts", "Huisartsenpraktijk", true),
    ("mentor", "CSG Het Noorderlicht", true),
    ("oma", "", false),
    ("buurvrouw", "", false),
    ("oom", "", false),
];
const DOMAINS: &[&str] = &[
    "gezondheid",
    "opvoeding",
    "relatie",
    "huisvesting",
    "financien",
    "school",
    "werk",
    "vrije-tijd",
];
const GOALS: &[&str] = &[
    "We willen dat de ochtenden rustig verlopen, zodat de kinderen op tijd op school zijn.",
    "Ik wil weten hoeveel schulden ik heb en een plan om ze af te betalen.",
    "Ik wil weer naar school, eerst een paar ochtenden en daarna de hele week.",
    "We willen verhuizen naar een droge woning met genoeg slaapkamers.",
    "Ik wil voor de zomer weer een vaste baan, het liefst buiten.",
    "We willen minder ruzie en rustig met elkaar kunnen praten.",
    "Ik wil elke week sporten en nieuwe vrienden maken.",
    "We willen dat ons kind de hele nacht doorslaapt zonder benauwd te worden.",
];
const AGREEMENTS: &[&str] = &[
    "brengt de kinderen op maandag en woensdag naar school en haalt ze op vrijdag weer op.",
    "maakt samen met het gezin een overzicht van alle rekeningen en schulden en belt de schuldeisers.",
    "komt om de week langs, kijkt mee hoe het gaat en bespreekt daarna wat goed ging en wat beter kan.",
    "zoekt uit welke regelingen er zijn en helpt bij het invullen van de aanvraagformulieren.",
    "spreekt elke maandag kort met de jongere over hoe de week ging en wat er nodig is.",
    "houdt een dagboek bij en neemt dat mee naar het volgende gesprek met de hulpverlener.",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(count), Some(dir)) = (args.next().and_then(|n| n.parse::<usize>().ok()), args.next()) else {
        eprintln!("usage: gen-plans COUNT DIR");
        std::process::exit(2);
    };
    let dir = Path::new(&dir);
    for i in 0..count {
        let folder = dir.join(format!("team-{:02}", i % 20));
        std::fs::create_dir_all(&folder).expect("create the folder");
        let plan = plan(i as u64);
        std::fs::write(folder.join(format!("gezin-{i:05}.yaml")), plan).expect("write the plan");
    }
}

fn plan(seed: u64) -> String {
    let mut d = Dice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let last = d.pick(LAST);
    let mut y = String::with_capacity(5000);
    let _ = write!(
        y,
        "# Gezinsplan, gemaakt voor de benchmark.\nversion: 1\nfamily:\n  name: Familie {last}\n  members:\n"
    );
    let members = 2 + d.below(4);
    let mut member_ids = Vec::new();
    for m in 0..members {
        let id = format!("lid-{m}");
        let role = if m == 0 {
            "moeder"
        } else if m == 1 {
            "vader"
        } else {
            "kind"
        };
        let _ = write!(
            y,
            "    - id: {id}\n      name: {} {last}\n      role: {role}\n      born: {}-0{}-1{}\n",
            d.pick(FIRST),
            1975 + d.below(40),
            1 + d.below(9),
            d.below(10)
        );
        if m < 2 {
            let _ = writeln!(y, "      email: {id}.{}@example.nl", seed);
        }
        member_ids.push(id);
    }
    let _ = write!(
        y,
        "request: |\n  Het gezin wil meer rust in huis en overzicht over geld, school en werk.\n  Ze willen zelf de regie houden en vragen hulp bij de afstemming tussen de organisaties.\nstrengths:\n  - De ouders zijn betrokken en vragen zelf om hulp\n  - Er is een grootmoeder die graag helpt\nstarted: 2026-0{}-0{}\n",
        1 + d.below(9),
        1 + d.below(9)
    );
    let people = 3 + d.below(7);
    let mut person_ids = Vec::new();
    let mut network = String::from("network:\n");
    for p in 0..people {
        let (role, organisation, professional) = ROLES[d.below(ROLES.len())];
        let id = format!("netwerk-{p}");
        let _ = write!(
            network,
            "  - id: {id}\n    name: {} {}\n    role: {role}\n",
            d.pick(FIRST),
            d.pick(LAST)
        );
        if professional {
            let _ = write!(
                network,
                "    organisation: {organisation}\n    professional: true\n    email: {id}@zorg{}.example\n    phone: 071 {:03} {:04}\n",
                seed % 50,
                d.below(1000),
                d.below(10000)
            );
        } else {
            let _ = writeln!(network, "    phone: 06 {:08}", d.below(100_000_000));
        }
        person_ids.push(id);
    }
    let coordinator = &person_ids[0];
    let _ = write!(
        y,
        "coordinator: {coordinator}\ncoordination: De coördinator mailt na elk overleg de afspraken rond.\n{network}goals:\n"
    );
    let goals = 2 + d.below(5);
    let mut shares: Vec<Vec<String>> = Vec::new();
    for g in 0..goals {
        let _ = write!(
            y,
            "  - id: doel-{g}\n    goal: {}\n    owners: [{}]\n    priority: {}\n    domain: {}\n",
            d.pick(GOALS),
            member_ids[0],
            g + 1,
            d.pick(DOMAINS)
        );
        if g == goals - 1 && goals > 2 {
            let _ = writeln!(y, "    status: later");
        }
        let share: Vec<String> = if d.below(3) == 0 {
            let mut s = vec![coordinator.clone()];
            s.push(person_ids[1 + d.below(people - 1)].clone());
            s.dedup();
            let _ = writeln!(y, "    share_with: [{}]", s.join(", "));
            s
        } else {
            person_ids.clone()
        };
        let _ = writeln!(y, "    evaluate_by: 2026-1{}-1{}", d.below(3), d.below(10));
        shares.push(share);
    }
    let _ = writeln!(y, "agreements:");
    let agreements = 3 + d.below(12);
    for a in 0..agreements {
        let goal = if a < goals { a } else { d.below(goals) };
        let who = if d.below(2) == 0 {
            member_ids[0].clone()
        } else {
            shares[goal][d.below(shares[goal].len())].clone()
        };
        let _ = write!(
            y,
            "  - goal: doel-{goal}\n    who: {who}\n    what: {} {}\n    start: 2026-0{}-1{}\n    end: 2026-1{}-2{}\n",
            d.pick(FIRST),
            d.pick(AGREEMENTS),
            1 + d.below(9),
            d.below(10),
            d.below(3),
            d.below(9)
        );
        if d.below(5) == 0 {
            let _ = writeln!(y, "    status: done");
        }
    }
    let _ = write!(
        y,
        "meetings:\n  - date: 2026-09-1{}\n    time: \"09:30\"\n    duration: 90\n    kind: rondetafel\n    chair: {coordinator}\n    location: CJG\n  - date: 2026-12-0{}\n    time: \"14:00\"\n    kind: evaluatie\n    location: CJG\nnext_evaluation: 2026-12-0{}\nevaluations:\n",
        d.below(10),
        1 + d.below(9),
        1 + d.below(9)
    );
    for g in 0..goals.min(3) {
        for (month, scale) in [(10, 3 + d.below(4)), (11, 4 + d.below(5))] {
            let _ = write!(
                y,
                "  - date: 2026-{month}-1{}\n    goal: doel-{g}\n    scale: {scale}\n    outcome: continue\n    notes: Het gaat langzaam beter; volgende keer bespreken we wat er nog nodig is.\n",
                d.below(10)
            );
        }
    }
    y
}
