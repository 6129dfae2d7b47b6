use super::*;

#[test]
fn names_in_the_text_that_the_url_gives() {
    // virecruit-reed-smith-*.mhtml, workday-yahoo-*.mhtml (tests/fixtures/pages)
    let names = url_names(
        "https://recruiter.reedsmith.com/viRecruitSelfApply/x",
        false,
    );
    assert_eq!(
        name_in_text(
            ["We are hiring.", "Reed Smith is a preeminent advisor"],
            &names
        )
        .as_deref(),
        Some("Reed Smith")
    );
    let names = url_names(
        "https://ouryahoo.wd5.myworkdayjobs.com/careers/job/Taiwan---Remote/x",
        true,
    );
    assert!(names.contains(&"yahoo".to_owned()), "{names:?}");
    assert_eq!(
        name_in_text(
            ["Yahoo is proud to be an equal opportunity employer"],
            &names
        )
        .as_deref(),
        Some("Yahoo")
    );
    assert_eq!(name_in_text(["Reed and Smith"], &[]), None);
}

#[test]
fn site_names_that_are_hosts() {
    // amazonjobs-sde-amazon-access.mhtml, startupjobs-adminit-*.html (tests/fixtures/pages)
    assert_eq!(host_name_owner("amazon.jobs").as_deref(), Some("Amazon"));
    assert_eq!(host_name_owner("StartupJobs.cz"), None);
    assert_eq!(
        host_name_owner("Acme Careers").as_deref(),
        Some("Acme Careers")
    );
    assert_eq!(host_name_owner("stripe.com").as_deref(), Some("stripe.com"));
}

fn board(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    ["linkedin", "indeed.com", "indeed", "dou", "djinni"].contains(&lower.as_str())
}

#[test]
fn linkedin_title() {
    let parts = split_title(
        "Heidi hiring Senior Software Engineer - Developer Experience in Melbourne, Victoria, Australia | LinkedIn",
        &board,
    );
    assert_eq!(
        parts.title.as_deref(),
        Some("Senior Software Engineer - Developer Experience")
    );
    assert_eq!(parts.company.map(|c| c.0).as_deref(), Some("Heidi"));
    assert_eq!(
        parts.location.map(|c| c.0).as_deref(),
        Some("Melbourne, Victoria, Australia")
    );
}

#[test]
fn indeed_title() {
    let parts = split_title(
        "Software Technical Team Lead - Ballsbridge, County Dublin - Indeed.com",
        &board,
    );
    assert_eq!(parts.title, None);
    assert_eq!(
        parts.title(&[]).as_deref(),
        Some("Software Technical Team Lead")
    );
    assert_eq!(parts.company, None);
    assert_eq!(parts.location, None);
}

#[test]
fn at_patterns() {
    let parts = split_title("Chief Marketing Officer в bodo", &board);
    assert_eq!(parts.title.as_deref(), Some("Chief Marketing Officer"));
    assert_eq!(parts.company.map(|c| c.0).as_deref(), Some("bodo"));
    let parts = split_title("Python-разработчик в Москве", &board);
    assert_eq!(parts.company, None);
    let parts = split_title("Rust Engineer at Acme | LinkedIn", &board);
    assert_eq!(parts.title.as_deref(), Some("Rust Engineer"));
    assert_eq!(parts.company.map(|c| c.0).as_deref(), Some("Acme"));
}

#[test]
fn headings_lose_known_parts() {
    assert_eq!(
        trim_known("Rust Engineer - Acme", &["Acme"], &board).as_deref(),
        Some("Rust Engineer")
    );
    assert_eq!(
        trim_known("Account Executive - 100% remote - UK", &[], &board).as_deref(),
        Some("Account Executive - 100% remote - UK")
    );
    assert_eq!(trim_known("Acme", &["acme"], &board), None);
}

#[test]
fn headings_list_title_employer_and_places() {
    let place = Sourced::new("Vapaudenkatu 48-50 , 40101 JYVÄSKYLÄ", "label");
    let listed = listed_heading(
        "Verkkokauppakehittäjä, Descom Oy, Jyväskylä, Tampere, Helsinki, Jyväskylä",
        Some(&place),
    )
    .unwrap();
    assert_eq!(listed.title, "Verkkokauppakehittäjä");
    assert_eq!(listed.company, "Descom Oy");
    assert_eq!(listed.places, "Jyväskylä, Tampere, Helsinki");
    assert!(listed_heading("Engineer, Backend, Platform", Some(&place)).is_none());
}

#[test]
fn the_page_restates_a_structured_place() {
    let structured = |place: &str| [None, None, Some(Sourced::new(place, "JSON-LD"))];
    let place = |facts: &PageFacts| choose(facts, &board).location.map(|l| l.text);
    // gulp-randstad-sap-hcm-consultant-mainz.html (tests/fixtures/pages)
    let facts = PageFacts {
        structured: structured("Mainz am Rhein, Rheinland-Pfalz, DE"),
        labeled: [
            None,
            None,
            Some(Sourced::new("55130 Mainz am Rhein", "label")),
        ],
        ..PageFacts::default()
    };
    assert_eq!(place(&facts).as_deref(), Some("55130 Mainz am Rhein"));
    // page-recruitee-hostaway-account-executive.html (tests/fixtures/postings): the page
    // says no more than the JSON-LD.
    let facts = PageFacts {
        structured: structured("London, LND, GB"),
        labeled: [None, None, Some(Sourced::new("London", "label"))],
        subline: vec![
            "Remote".into(),
            "London".into(),
            ",".into(),
            "Greater London".into(),
        ],
        ..PageFacts::default()
    };
    assert_eq!(place(&facts).as_deref(), Some("London, LND, GB"));
    // computrabajo-sumimedical-enfermera-profesional.html: locality and region swapped.
    let facts = PageFacts {
        structured: structured("Antioquia, Medellín, Colombia"),
        subline: vec!["Sumimedical - Medellín, Antioquia".into()],
        ..PageFacts::default()
    };
    assert_eq!(place(&facts).as_deref(), Some("Medellín, Antioquia"));
}

#[test]
fn a_remote_jobs_region_badge_is_its_place() {
    // weworkremotely-bluelight-devops-engineer.html (tests/fixtures/pages)
    let facts = PageFacts {
        remote: true,
        office: Some("Sacramento, CA".into()),
        labeled: [None, None, Some(Sourced::new("Sacramento, CA", "icon"))],
        region_badge: Some("USA Only".into()),
        ..PageFacts::default()
    };
    let fields = choose(&facts, &board);
    assert_eq!(fields.location.map(|l| l.text).as_deref(), Some("USA Only"));
}

#[test]
fn generic_page_titles_name_nothing() {
    let facts = PageFacts {
        page_title: Some("Avoimet työpaikat - Haku hakutekijöillä".into()),
        heading: Some("Pääsuunnittelija, Kela, Jyväskylä".into()),
        ..PageFacts::default()
    };
    let fields = choose(&facts, &board);
    assert_eq!(
        fields.title.map(|t| t.text).as_deref(),
        Some("Pääsuunnittelija, Kela, Jyväskylä")
    );
    let facts = PageFacts {
        page_title: Some("Archstone - Job details".into()),
        labeled: [Some(Sourced::new("Door Attendant", "label")), None, None],
        ..PageFacts::default()
    };
    let fields = choose(&facts, &board);
    assert_eq!(fields.company.map(|c| c.text).as_deref(), Some("Archstone"));
}

#[test]
fn a_heading_may_end_with_its_place() {
    // Eilakaisla (tests/fixtures/pages/eilakaisla-...-testaaja.html).
    let facts = PageFacts {
        page_title: Some("Eilakaisla - Työpaikka".into()),
        h1: Some("Ohjelmistosuunnittelija/ -testaaja - Jyväskylä".into()),
        ..PageFacts::default()
    };
    let fields = choose(&facts, &board);
    assert_eq!(
        fields.location.map(|l| l.text).as_deref(),
        Some("Jyväskylä")
    );
    assert_eq!(
        fields.title.map(|t| t.text).as_deref(),
        Some("Ohjelmistosuunnittelija/ -testaaja")
    );
    assert!(place_ending_heading(Some("Account Executive - Remote")).is_none());
    assert!(place_ending_heading(Some("Tampere")).is_none());
}

#[test]
fn chinese_russian_and_dated_titles() {
    // zhipin-jizhun-fangzhong-autocad-engineer-beijing.html (tests/fixtures/pages).
    let parts = split_title(
        "「AutoCAD开发工程师（北京）招聘」_基准方中招聘-BOSS直聘",
        &board,
    );
    assert_eq!(parts.title.as_deref(), Some("AutoCAD开发工程师（北京）"));
    assert_eq!(parts.company.map(|c| c.0).as_deref(), Some("基准方中"));
    // liepin-headhunter-...: the title, and no employer.
    let parts = split_title("【游戏UI设计师招聘】_猎头顾问招聘信息-猎聘", &board);
    assert_eq!(parts.title.as_deref(), Some("游戏UI设计师"));
    assert_eq!(parts.company, None);
    let parts = split_title(
        "Вакансия Административный помощник в разделе Работа на сайте E1.ru",
        &board,
    );
    assert_eq!(parts.title.as_deref(), Some("Административный помощник"));
    let parts = split_title(
        "Offre d'emploi - ADMINISTRATEUR SYSTEME ET RESEAU H/F - parue le 02/12/2013",
        &board,
    );
    assert_eq!(
        parts.title(&[]).as_deref(),
        Some("ADMINISTRATEUR SYSTEME ET RESEAU H/F")
    );
}

#[test]
fn company_codes_and_headers_are_cut() {
    let code = Sourced::new(
        "(0147) International Business Machines Corporation",
        "label",
    );
    assert_eq!(
        clean_company(code, &board).map(|c| c.text).as_deref(),
        Some("International Business Machines Corporation")
    );
    assert!(holds_heading(
        "AutoCAD开发工程师（北京） 25-50K·14薪",
        Some("AutoCAD开发工程师（北京）")
    ));
    assert!(leads_description(
        Some("패션앤스타일컴퍼니 - 서버 백엔드 개발[신입] 채용"),
        "패션앤스타일컴퍼니"
    ));
    assert!(!leads_description(
        Some("패션앤스타일컴퍼니의 채용"),
        "패션앤스타일컴퍼니"
    ));
}

#[test]
fn board_names_are_never_companies() {
    let facts = PageFacts {
        structured: [
            None,
            Some(Sourced::new("Canonical - Jobs", "JSON-LD")),
            None,
        ],
        ..PageFacts::default()
    };
    let fields = choose(&facts, &board);
    assert_eq!(fields.company.map(|c| c.text).as_deref(), Some("Canonical"));
}

#[test]
fn legal_forms_end_company_names() {
    // workindenmark-*.html, methos-*.html (tests/fixtures/pages)
    assert_eq!(legal_form("Hobbii A/S"), Some("a/s"));
    assert_eq!(legal_form("Bixter.dk ApS"), Some("aps"));
    assert_eq!(legal_form("Methos B.V."), Some("b.v."));
    assert_eq!(legal_form("Methos BV"), Some("b.v."));
    assert_eq!(legal_form("A/S"), None);
    assert_eq!(legal_form("Pty Ltd"), None);
    assert_eq!(
        legal_form("Job ID: 2482000 | Amazon.com Services LLC"),
        None
    );
    // The quick test of a run's ending agrees: a form with words before it, whatever they are.
    assert!(ends_in_legal_form(&[
        "See", "the", "complete", "text", "at", "Hobbii", "A/S"
    ]));
    assert!(ends_in_legal_form(&["Methos", "BV"]));
    assert!(!ends_in_legal_form(&["A/S"]));
    assert!(!ends_in_legal_form(&["See", "the", "complete", "text"]));
    assert_eq!(without_legal_form("Methos B.V."), "Methos");
    assert_eq!(
        without_legal_form("Vestas Wind Systems A/S"),
        "Vestas Wind Systems"
    );
    assert_eq!(without_legal_form("Coloplast"), "Coloplast");
}

#[test]
fn places_after_a_phrase_of_the_text() {
    // jobportal-ku-*.html, stillinger-aau-*.html (tests/fixtures/pages)
    assert_eq!(
        place_in_text(["The place of work will be in Copenhagen."]).as_deref(),
        Some("Copenhagen")
    );
    assert_eq!(
        place_in_text([
            "The department has campuses in both Aalborg and Esbjerg, this position is located in Aalborg."
        ])
        .as_deref(),
        Some("Aalborg")
    );
    assert_eq!(place_in_text(["The place of work is flexible."]), None);
}

#[test]
fn places_read_through_joiners_and_out_of_another_case() {
    // gridcon-*-frankfurt-de.html, deversity-jobs-*-beograd-sr.html (tests/fixtures/pages)
    assert_eq!(
        place_in_text([
            "Zur Verstärkung unseres IT-Teams am Standort Frankfurt am Main suchen wir eine/n"
        ])
        .as_deref(),
        Some("Frankfurt am Main")
    );
    assert_eq!(
        place_in_text(["Mi smo DEVersity - programerska firma iz Beograda. Naša ekipa"]).as_deref(),
        Some("Beograd")
    );
    assert_eq!(
        named_place_in_text(["to join our team at Engage Hub Manchester. The role"]).as_deref(),
        Some("Engage Hub Manchester")
    );
}

#[test]
fn a_verb_before_the_role_is_cut_from_the_title() {
    // essentialsecurity-recrutement-agent-securite-vaud-fr.html (tests/fixtures/pages)
    assert_eq!(without_title_lead("Devenir agent"), "agent");
    assert_eq!(without_title_lead("Become a nurse"), "nurse");
    assert_eq!(without_title_lead("Devenir"), "Devenir");
    assert_eq!(without_title_lead("Software Engineer"), "Software Engineer");
}

#[test]
fn employers_by_legal_name_and_their_towns() {
    // workindenmark-hobbii-*.html: "View job | Workindenmark", the company under the heading,
    // the place in the employer's address box.
    let facts = PageFacts {
        h1: Some("Warehouse Team Lead".into()),
        page_title: Some("View job | Workindenmark".into()),
        subline: vec!["Hobbii A/S".into(), "Number of openings:".into()],
        legal_names: vec![("Hobbii A/S".into(), Seen::Content)],
        addresses: vec![("Hobbii A/S".into(), "Greve".into())],
        ..PageFacts::default()
    };
    let fields = choose(&facts, &board);
    assert_eq!(
        fields.title.map(|t| t.text).as_deref(),
        Some("Warehouse Team Lead")
    );
    let company = fields.company.unwrap();
    assert_eq!(company.text, "Hobbii A/S");
    assert_eq!(
        company.rule,
        "the line under the main heading, a company's legal name"
    );
    assert_eq!(fields.location.map(|l| l.text).as_deref(), Some("Greve"));
}

#[test]
fn a_title_part_that_is_the_og_title_names_the_employer() {
    // easycruit-leo-pharma-*.html
    let facts = PageFacts {
        h1: Some("Clinical disclosure specialist".into()),
        page_title: Some("LEO Pharma - Clinical disclosure specialist".into()),
        og_title: Some("LEO Pharma".into()),
        ..PageFacts::default()
    };
    let fields = choose(&facts, &board);
    assert_eq!(
        fields.title.map(|t| t.text).as_deref(),
        Some("Clinical disclosure specialist")
    );
    assert_eq!(
        fields.company.map(|c| c.text).as_deref(),
        Some("LEO Pharma")
    );
}

#[test]
fn a_place_after_at_is_the_place_and_statements_name_employers() {
    // designisdead-*.html, grc-iit-*.html, hn-2018-04-16736871.html (tests/fixtures)
    let facts = PageFacts {
        h1: Some("Functional Analyst @ Brussels / Mechelen".into()),
        page_title: Some("Functional Analyst @ Brussels / Mechelen".into()),
        text_employer: Some("Illinois Institute of Technology".into()),
        ..PageFacts::default()
    };
    let fields = choose(&facts, &board);
    assert_eq!(
        fields.title.map(|t| t.text).as_deref(),
        Some("Functional Analyst")
    );
    assert_eq!(
        fields.location.map(|l| l.text).as_deref(),
        Some("Brussels / Mechelen")
    );
    assert_eq!(
        fields.company.map(|c| c.text).as_deref(),
        Some("Illinois Institute of Technology")
    );
    assert_eq!(
        employer_in_text([
            "Founded in 1890, it has a legacy.",
            "Illinois Institute of Technology is an EEO/AA/Title VI/Title IX employer committed to diversity."
        ])
        .as_deref(),
        Some("Illinois Institute of Technology")
    );
    assert_eq!(
        employer_in_text(["The company is an equal opportunity employer."]),
        None
    );
    let names = url_names(
        "https://www.designisdead.com/jobs/front-end-developer",
        false,
    );
    assert_eq!(
        name_in_text(
            ["Design is Dead is looking for a creative front-end developer"],
            &names
        )
        .as_deref(),
        Some("Design is Dead")
    );
}

/// Fields of a saved page, as `score` reads them.
fn page_fields(html: &str) -> (Option<String>, Option<String>, Option<String>) {
    let posting = crate::extract::extract(html.as_bytes(), crate::extract::Format::Html);
    let meta = posting.map(|p| p.meta).unwrap_or_default();
    (meta.title, meta.company, meta.location)
}

#[test]
fn a_careers_banner_and_a_section_word_are_not_the_title() {
    // tests/fixtures/pages-heldout/aoorora-creditario-representante-de-ventas-remota.html
    let html = "<html><head><title>Vacantes | Aoorora</title>\
        <meta property=\"og:title\" content=\"Vacantes\">\
        <meta property=\"og:site_name\" content=\"Aoorora\"></head><body>\
        <h1>Ayúdanos a construir la mejor plataforma de gestión de créditos y motor bancario</h1>\
        <p>En Creditario estamos desarrollando la plataforma para que empresas Fintech puedan \
        acelerar el desarrollo de productos modernos y novedosos para sus clientes.</p>\
        <h1>Representante de Ventas</h1><p>Ayúdanos a encontrar a la nueva generación de \
        clientes que necesitan de nuestros servicios para digitalizar su negocio financiero.</p>\
        <h2>¿Qué buscamos?</h2><ul><li>Habilidades de comunicación excelentes.</li></ul>\
        </body></html>";
    let (title, company, _) = page_fields(html);
    assert_eq!(title.as_deref(), Some("Representante de Ventas"));
    assert_eq!(company.as_deref(), Some("Aoorora"));
}

#[test]
fn a_careers_page_of_one_offer_is_that_posting() {
    // tests/fixtures/pages-heldout/erptech-stazysta-python-frappe-erpnext.html
    let html = "<html><head><title>Oferty Pracy | ERP Tech</title>\
        <meta property=\"og:title\" content=\"Oferty Pracy\"></head><body>\
        <h1>Oferty Pracy</h1><p>Dołącz do naszego zespołu</p>\
        <h2>Aktualne oferty pracy</h2><h3>Stażysta Python - Frappe/ERPnext</h3>\
        <span>Staż</span> <span>Zdalnie/Hybrydowo</span> <span>Python</span>\
        <h4>O stanowisku</h4><p>Poszukujemy ambitnego stażysty, który chce rozwijać swoje \
        umiejętności w zakresie programowania w Pythonie oraz poznać framework Frappe i system \
        ERPnext.</p><h4>Czego oczekujemy?</h4><ul><li>Podstawowa znajomość języka Python</li>\
        <li>Umiejętność pracy w zespole</li></ul>\
        <footer><p>© 2025 ERP Tech. Wszelkie prawa zastrzeżone.</p></footer></body></html>";
    let (title, company, _) = page_fields(html);
    assert_eq!(title.as_deref(), Some("Stażysta Python - Frappe/ERPnext"));
    assert_eq!(company.as_deref(), Some("ERP Tech"));
}

#[test]
fn a_heading_that_names_the_offer_gives_way_to_the_role_under_it() {
    // tests/fixtures/pages-heldout/sogilis-offre-emploi-cloud-native-devops.html
    assert_eq!(
        offer_name("Offre d\u{2019}emploi Cloud Native"),
        Some("Cloud Native")
    );
    assert_eq!(offer_name("Vaga"), None);
    let html = "<html><head><title>Offre d\u{2019}emploi Cloud Native \u{2013} Sogilis</title>\
        </head><body><h1>Offre d\u{2019}emploi Cloud Native</h1>\
        <h2>Développeur·euse web expérimenté·e à tendance devops</h2>\
        <h2>Description de Sogilis</h2><p>Chez Sogilis, nous codons, mais pas que. Nous \
        n\u{2019}avons pas de managers, pas de service RH et pas de commerciaux.</p>\
        <h2>Conditions de travail</h2><p>Nous travaillons principalement depuis nos locaux à \
        Grenoble, en petite équipe.</p><h2>Profil recherché</h2><p>Expérience exigée : 3 ans</p>\
        </body></html>";
    let (title, company, location) = page_fields(html);
    assert_eq!(
        title.as_deref(),
        Some("Développeur·euse web expérimenté·e à tendance devops")
    );
    assert_eq!(company.as_deref(), Some("Sogilis"));
    assert_eq!(location.as_deref(), Some("Grenoble"));
}

#[test]
fn a_byline_under_the_heading_is_the_author_not_the_company() {
    // tests/fixtures/pages-heldout/2i2c-product-lead-remote.html
    let html = "<html><head><meta name=author content=\"Chris Holdgraf\">\
        <meta property=\"og:site_name\" content=\"2i2c\">\
        <meta property=\"og:title\" content=\"Product Lead | 2i2c\">\
        <title>Product Lead | 2i2c</title></head><body><h1>Product Lead</h1>\
        <p>Chris Holdgraf</p><p>Oct 29, 2023</p><p>We’re looking for a Product Lead who will be \
        instrumental in shaping 2i2c’s product vision, strategy, and execution.</p>\
        <h2>Major duties</h2><ul><li>Collaborate closely with our engineers and users in \
        partner organizations to translate the product roadmap into actionable plans and \
        tasks.</li></ul></body></html>";
    let (_, company, _) = page_fields(html);
    assert_eq!(company.as_deref(), Some("2i2c"));
}

#[test]
fn places_in_the_page_title_beside_the_job_and_the_owner() {
    // tests/fixtures/pages-heldout/gojek-backend-engineer-merchant-growth-bangalore.html
    let html = "<html><head><title> Backend Engineer - Merchant Growth | Bangalore | GO-JEK \
        Careers </title></head><body><h1>Backend Engineer - Merchant Growth</h1>\
        <p>We are looking for a Backend Engineer to join us in GO-JEK's Merchant Growth team.</p>\
        <h2>Requirements</h2><ul><li>Ability to design and implement low latency RESTful/GRPC \
        services</li></ul></body></html>";
    let (_, _, location) = page_fields(html);
    assert_eq!(location.as_deref(), Some("Bangalore"));
    // tests/fixtures/pages-heldout/apotheke-bio-apotheker-mwd-berlin.html
    let html = "<html><head><title>Apotheker (m/w/d) - Bio 7.0 Apotheke, Berlin</title>\
        <meta property=\"og:site_name\" content=\"Bio 7.0 Apotheke, Berlin\"></head><body>\
        <h1>Apotheker (m/w/d)</h1><p>Vollzeit / Teilzeit</p><h2>Anforderungen</h2><ul>\
        <li>Abgeschlossenes Studium der Pharmazie</li><li>Hohe Beratungs- und \
        Kommunikationsfähigkeit</li></ul></body></html>";
    let (_, company, location) = page_fields(html);
    assert_eq!(company.as_deref(), Some("Bio 7.0 Apotheke"));
    assert_eq!(location.as_deref(), Some("Berlin"));
}

#[test]
fn places_after_their_labels_in_portuguese_and_japanese() {
    // kassellabs-vaga-desenvolvimento-frontend-estagio-junior.html and
    // nanofrontier-sofutouea-enjinia-ja.html (tests/fixtures/pages-heldout)
    let html = "<html><head><title>Vagas | Kassel Labs</title></head><body>\
        <h1>Vaga Desenvolvimento Frontend (Estágio / Júnior)</h1><h2>Requisitos</h2><ul>\
        <li>Conhecimentos básicos de Git</li></ul><h3>Mais detalhes</h3><ul>\
        <li>Local da Vaga: São Carlos - SP</li></ul></body></html>";
    assert_eq!(page_fields(html).2.as_deref(), Some("São Carlos - SP"));
    let html = "<html><head><title>ソフトウェアエンジニア | NanoFrontier</title></head><body>\
        <h2>ソフトウェアエンジニア</h2><h2>4. 応募要件・スキル・経験</h2><ul>\
        <li>Git運用、ログ・権限・変更管理の基本</li></ul><h2>5. 勤務地・働き方</h2><ul>\
        <li>所在地：東京 or 仙台</li><li>勤務形態：フルリモート（必要に応じて出社）</li></ul>\
        </body></html>";
    assert_eq!(page_fields(html).2.as_deref(), Some("東京 or 仙台"));
}

#[test]
fn a_logo_named_again_by_the_description_is_the_employer() {
    // Matogen's careers pages (seventeenth page collection): the <title> is the job alone.
    let facts = PageFacts {
        page_title: Some("Quality Assurance / Tester".to_owned()),
        h1: Some("Quality Assurance / Tester".to_owned()),
        description: Some(
            "At Matogen, we specialize in cutting-edge cloud solutions and a suite of services."
                .to_owned(),
        ),
        names: vec![
            ("Matogen Group".to_owned(), "a logo's text"),
            ("Matogen".to_owned(), "a logo's text"),
        ],
        ..PageFacts::default()
    };
    let fields = choose(&facts, &|_| false);
    assert_eq!(fields.company.map(|c| c.text).as_deref(), Some("Matogen"));
    // A logo the description does not name is no employer.
    let facts = PageFacts {
        description: Some("We build cloud solutions.".to_owned()),
        names: vec![("Matogen".to_owned(), "a logo's text")],
        ..PageFacts::default()
    };
    assert_eq!(choose(&facts, &|_| false).company, None);
}

#[test]
fn a_page_name_beside_the_owner_and_its_slogan_names_no_job() {
    // KALO's Personio page (sixteenth page collection): "Show" is the plugin's action.
    assert!(slogan("Einfach. Innovativ. Persönlich."));
    assert!(!slogan("Aventron Technologies"));
    assert!(!slogan("Mobile."));
}

#[test]
fn twenty_first_collection_shapes() {
    // rubens-*-knokke-*.html, wallpraxis-*-winsen-de.html (tests/fixtures/pages)
    assert_eq!(
        without_trailing_page_word("Head waiter vacancy (chef de rang)"),
        "Head waiter (chef de rang)"
    );
    assert_eq!(without_trailing_page_word("usa jobs"), "usa jobs");
    assert!(clean_company(Sourced::new("uns", "<h1>"), &board).is_none());
    let split = [(
        split_title("Vacature kok - Brasserie Rubens Knokke", &board),
        "<title>",
    )];
    let company = Sourced::new("Brasserie Rubens", "the text");
    assert_eq!(
        town_after_name(&split, Some(&company)).map(|t| t.text),
        Some("Knokke".to_owned())
    );
    let split = [(split_title("Jobs - Acme Careers", &board), "<title>")];
    let company = Sourced::new("Acme", "the text");
    assert_eq!(town_after_name(&split, Some(&company)), None);
}
