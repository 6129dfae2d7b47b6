//! Unit tests of what a small employer's own careers page says of its one offer: the
//! employer's one address as the place when the posting states none, a page-name heading
//! over the job's lower heading, a site-wide `<title>` beside a heading the description
//! repeats, the author meta tag, a logo image's `alt`, the copyright line's owner. The pages
//! are in tests/fixtures/pages (twelfth collection), shortened.

#![allow(clippy::unwrap_used)]

use crate::extract::{Format, extract};

/// Title, company and location as `score` reads them from a saved page.
fn fields(html: &str) -> [Option<String>; 3] {
    let meta = extract(html.as_bytes(), Format::Html).unwrap().meta;
    [meta.title, meta.company, meta.location]
}

#[test]
fn the_employers_one_address_places_a_posting_that_states_none() {
    // forge-srl-posizioni-front-end-developer.html: the footer's one run.
    let html = "<html><head><meta property=\"og:site_name\" content=\"Forge S.r.l\">\
        <title>Front-end developer</title>\
        <link rel=\"canonical\" href=\"https://forge.srl/lavora-con-noi/posizioni/front-end-developer/\">\
        </head><body><h3>Sviluppatore Software Front End</h3><p>Stiamo cercando una persona \
        altamente qualificata e motivata in grado di sviluppare lato front end con metodologia \
        Agile/Scrum in ambiente giovane e dinamico.</p><footer><div class=\"legal-info\"><span>\
        Forge S.r.l. Via Cigalini 5/D 22100 Como (CO) | P.I. 03778880132<br> Copyright © 2019 \
        Forge S.r.l. | All rights reserved.</span></div></footer></body></html>";
    let [_, company, location] = fields(html);
    assert_eq!(company.as_deref(), Some("Forge S.r.l"));
    assert_eq!(location.as_deref(), Some("Como"));
    // liksi-nous-rejoindre-aspirant-architecte-logiciel.html: the name above its street and
    // a postcode written "35 000", the town in capitals; the company is the copyright line's
    // owner, whom the text names again.
    let html = "<html><head><title>Nous rejoindre</title>\
        <meta property=\"og:title\" content=\"Nous rejoindre\" /></head><body>\
        <div id=\"heading-breadcrumbs\"><h1>Nous rejoindre</h1></div><div id=\"content\">\
        <h1 id=\"aspirant-architecte-logiciel\">Aspirant Architecte logiciel</h1>\
        <p>La transformation numérique s’accélère. C’est le challenge que LIKSI a choisi de \
        relever.</p></div><footer><h4>Contact</h4><p><strong>Liksi</strong> <br>43 quai de la \
        Prévalaye <br>35 000 RENNES </p></footer><div id=\"copyright\"><p>Copyright (c) 2017, \
        Liksi; tous droits réservés.</p></div></body></html>";
    let [title, company, location] = fields(html);
    assert_eq!(title.as_deref(), Some("Aspirant Architecte logiciel"));
    assert_eq!(company.as_deref(), Some("Liksi"));
    assert_eq!(location.as_deref(), Some("Rennes"));
}

#[test]
fn several_offices_addresses_place_no_posting() {
    // ccl-consulting-nous-rejoindre-lead-devops-four-cities.html's footer, one agency address
    // per city, under a heading with no place of its own.
    let html = "<html><head><title>Lead DevOps H/F - CCL Consulting</title></head><body>\
        <main><h1>Lead DevOps H/F</h1><p>Chez CCL Consulting, notre mission est simple.</p>\
        </main><footer class=footer><div><h3>Toulouse<span>.</span></h3><p>46-48 Rue André \
        Vasseur<br>31200 Toulouse</p></div><div><h3>Paris<span>.</span></h3><p>82 Av. du \
        Maine<br>75014 Paris</p></div><div>© 2024 par CCL Consulting. Tous droits réservés.\
        </div></footer></body></html>";
    let [_, company, location] = fields(html);
    assert_eq!(company.as_deref(), Some("CCL Consulting"));
    assert_eq!(location, None);
}

#[test]
fn a_page_name_heading_gives_way_to_the_role_in_a_lower_heading() {
    // topfly-lavora-con-noi-technical-project-manager-pretoro.html: "Lavora Con Noi" (work
    // with us), slogans in <h3>s, the job in an <h6>, its card's address line.
    let html = "<html><head><title>Lavora Con Noi - TOPFLY</title>\
        <meta property=\"og:title\" content=\"Lavora Con Noi - TOPFLY\" />\
        <meta property=\"og:site_name\" content=\"TOPFLY\" /></head><body>\
        <h1>Lavora Con Noi</h1><h3>Sei intraprendente? Sei un individuo che prende \
        l’iniziativa?</h3><h6>Technical Project Manager/R&amp;D Technical Lead</h6>\
        <p>Esperienza: 6-10 anni (minimo 5) middle-senior/senior</p>\
        <p>Orario di Lavoro: Full-time</p>\
        <p>TOPFLY, Località Cerrani snc, 66010 Pretoro, Abruzzo</p></body></html>";
    let [title, company, location] = fields(html);
    assert_eq!(
        title.as_deref(),
        Some("Technical Project Manager/R&D Technical Lead")
    );
    assert_eq!(company.as_deref(), Some("TOPFLY"));
    assert_eq!(location.as_deref(), Some("Pretoro"));
}

#[test]
fn a_site_wide_title_gives_way_to_the_heading_the_description_repeats() {
    // ccl-consulting-nous-rejoindre-ingenieur-finops.html: the same <title> on every page,
    // the job in the <h1> and the description; the author meta tag names the <title>'s tail.
    let html = "<html lang=fr><head><title>Solutions de Transformation Numérique Cloud par des \
        Experts Certifiés - CCL Consulting</title>\
        <meta name=description content=\"Ingénieur Finops H/F\">\
        <meta property=\"og:title\" content=\"Solutions de Transformation Numérique Cloud par \
        des Experts Certifiés - CCL Consulting\"><meta name=author content=\"CCL Consulting\">\
        </head><body><main><section id=offer><h1 class=font-s9>Ingénieur FinOps H/F</h1>\
        <strong>Mission :</strong><ul><li>CDI</li><li>Localisation : Toulouse, \
        Aix-en-Provence, Paris et Lyon</li></ul></section></main></body></html>";
    let [title, company, location] = fields(html);
    assert_eq!(title.as_deref(), Some("Ingénieur FinOps H/F"));
    assert_eq!(company.as_deref(), Some("CCL Consulting"));
    assert_eq!(
        location.as_deref(),
        Some("Toulouse, Aix-en-Provence, Paris et Lyon")
    );
}

#[test]
fn a_logo_image_and_a_pin_image_name_company_and_place() {
    // fairness-coop-nous-rejoindre-developpeur-php-confirme.html: the logo's file and the
    // pin's file say what they are; their neighbours carry no label.
    let html = "<!doctype html><html lang=fr-fr><head><meta charset=utf-8>\
        <title>Developpeur·euse PHP confirmé·e - Fairness</title></head><body><header>\
        <section class=banner><div class=logo><a href=/><img src=/image/fairness_logo.svg \
        alt=Fairness></a></div></section></header><section class=article-header>\
        <h1 class=article-header__content__title>Developpeur·euse PHP confirmé·e</h1>\
        <div class=date><img src=/image/date.svg alt><p>01/09/2021</p></div><div class=time>\
        <img src=/image/location-marker.svg alt class=read-time><p>Paris et/ou télétravail</p>\
        </div></section><main><p>Fairness est une coopérative (SCOP) auto-gérée.</p></main>\
        </body></html>";
    let [title, company, location] = fields(html);
    assert_eq!(title.as_deref(), Some("Developpeur·euse PHP confirmé·e"));
    assert_eq!(company.as_deref(), Some("Fairness"));
    assert_eq!(location.as_deref(), Some("Paris et/ou télétravail"));
}

#[test]
fn the_text_places_the_job_in_its_offices() {
    // democraciaenred-en-jobs-full-stack-developer-english.html and its Spanish page.
    for (title, sentence) in [
        (
            "Jobs | Democracia en Red",
            "The opening is for a full-time job in our offices in Palermo, Buenos Aires and \
             you'll be working on our core project.",
        ),
        (
            "Trabajos | Democracia en Red",
            "Es un trabajo a tiempo completo en nuestras oficinas en Palermo, Buenos Aires.",
        ),
    ] {
        let html = format!(
            "<html><head><title>{title}</title></head><body><h1>Full Stack Developer</h1>\
             <h2>Join us!</h2><p>{sentence}</p></body></html>"
        );
        let [_, _, location] = fields(&html);
        assert_eq!(
            location.as_deref(),
            Some("Palermo, Buenos Aires"),
            "{title}"
        );
    }
}
