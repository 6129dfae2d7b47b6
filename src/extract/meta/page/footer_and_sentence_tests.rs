//! Unit tests of the weaker evidence a small employer's careers page gives: the copyright
//! line, the logo, the first sentence, a heading that holds the page's name, a title line
//! marked "(m/w/d)". The pages are in tests/fixtures/pages (eleventh collection).

#![allow(clippy::unwrap_used)]

use crate::extract::{Format, extract};

/// Title, company and location as `score` reads them from a saved page.
fn fields(html: &str) -> [Option<String>; 3] {
    let meta = extract(html.as_bytes(), Format::Html).unwrap().meta;
    [meta.title, meta.company, meta.location]
}

#[test]
fn the_copyright_line_names_the_owner_when_nothing_else_does() {
    // qiancapital-careers-software-engineer.html, shortened.
    let html = "<html><head><title>Software Engineer - Qian Capital</title></head><body>\
        <h1 class=\"job-title\">Software Engineer</h1>\
        <div class=\"heading-four\">New York, United States</div>\
        <h2>Software Engineering</h2><p>Site Reliability Engineers (SREs) manage and support \
        the firm's internal infrastructure.</p>\
        <footer><div class=\"small-text muted\"><span>© 2024 Qian Capital, LP.<br>All Rights \
        Reserved.</span></div></footer></body></html>";
    let [title, company, _] = fields(html);
    assert_eq!(title.as_deref(), Some("Software Engineer"));
    // The legal name in the copyright line confirms the <title>'s part.
    assert_eq!(company.as_deref(), Some("Qian Capital"));
    // wolkenhof-stelle-it-techniker.html: the year is its own (script-filled) element.
    let html = "<html><head><title>wolkenhof - Mitarbeiter und Ausbildung</title></head><body>\
        <h1>Stellenangebot</h1><h2>IT-Techniker (m/w/d)</h2><p>Du bist ein IT-Profi und hast \
        Lust, in einem dynamischen Arbeitsumfeld mitzuwirken?</p>\
        <footer><h5>© <span id=\"currentYear\"></span> Wolkenhof GmbH. Alle Rechte \
        vorbehalten.</h5></footer></body></html>";
    let [_, company, _] = fields(html);
    assert_eq!(company.as_deref(), Some("wolkenhof"));
}

#[test]
fn a_sentence_word_after_a_label_word_is_no_place() {
    // wolkenhof-stelle-it-techniker.html: "OFFICE" is a location label word.
    let html = "<html><head><title>wolkenhof - Mitarbeiter und Ausbildung</title></head><body>\
        <h1>Stellenangebot</h1><h2>IT-Techniker (m/w/d)</h2>\
        <p>Der <strong>wolkenhof</strong> setzt sich aus den Bereichen <span><strong>IT</strong>\
        </span>, <span><strong>OFFICE</strong></span> und <span><strong>GREENCLOUD</strong>\
        </span> zusammen.</p></body></html>";
    let [_, _, location] = fields(html);
    assert_eq!(location, None);
}

#[test]
fn the_first_sentence_names_who_seeks_and_where() {
    // agoragames-careers-devops-engineer-troy.html, shortened.
    let html = "<html><head><title>Agora » DevOps Engineer</title></head><body>\
        <nav><h1><a href='/'><img alt=Agora src=\"/logo.svg\"></a></h1></nav>\
        <h2 class=vspace>DevOps Engineer</h2>\
        <p>Warner Bros. Games Inc. seeks a DevOps Engineer for its studio based in Troy, NY. As \
        a DevOps Engineer at WB Games New York (a subsidiary of Warner Bros. Interactive \
        Entertainment), you will be working primarily on our online game services platform \
        called \"Hydra Studio\", in addition to some other internal technologies.</p>\
        <h5>Job Requirements</h5><ul><li>Interest in working on-site at our office in Troy, NY\
        </li></ul></body></html>";
    let [_, company, location] = fields(html);
    assert_eq!(company.as_deref(), Some("Warner Bros. Games Inc."));
    assert_eq!(location.as_deref(), Some("Troy, NY"));
    assert_eq!(
        super::seeker_in_text(["We are looking for a DevOps Engineer to join our team."]),
        None
    );
}

#[test]
fn a_heading_of_page_name_and_title_gives_both() {
    // netmile-recruit-exp_sales_point.html, shortened.
    let html = "<html><head><title>ネットマイル｜採用情報 - 募集要項 - 中途採用採用情報</title></head>\
        <body><div id=\"header\"><h2><a href=\"/\"><img src=\"/logo.svg\" alt=\"株式会社ネットマイル\"\
        ></a></h2><h1>株式会社ネットマイルの中途採用情報:営業職【ポイント事業本部】</h1></div>\
        <div class=\"subttl\"><h3>営業職【ポイント事業本部】</h3></div><table><tr><th>業務内容</th>\
        <td>共通ポイントサービス『ネットマイル』の企画提案、及び広告出稿の提案を行います。</td></tr>\
        <tr><th>勤務地</th><td>東京本社（麹町）</td></tr></table></body></html>";
    let [title, company, location] = fields(html);
    assert_eq!(title.as_deref(), Some("営業職【ポイント事業本部】"));
    assert_eq!(company.as_deref(), Some("株式会社ネットマイル"));
    assert_eq!(location.as_deref(), Some("東京本社（麹町）"));
    assert_eq!(
        super::page_named_heading("Stellenangebot: IT-Techniker"),
        Some((None, "IT-Techniker".to_owned()))
    );
    assert_eq!(
        super::page_named_heading("Software Engineer: Backend"),
        None
    );
}

#[test]
fn a_gendered_line_under_a_page_name_is_the_title() {
    // wolkenhof-stelle-informationselektroniker.html, shortened.
    let html = "<html><head><title>wolkenhof - Mitarbeiter und Ausbildung</title></head><body>\
        <h1 class=\"page-title\"><span>wolkenhof Jobs & Karriere</span></h1>\
        <h1 class=\"blue\">Stellenangebot</h1>\
        <h3>Werde Teil unseres Teams. Wir freuen uns auf deine Bewerbung!</h3>\
        <h2>Informationselektroniker für Bürosystemtechnik (m/w/d)</h2>\
        <h3>Standort Geesthacht</h3><p>Dann bewirb dich bei uns als Informationselektroniker \
        für Bürosystemtechnik (m/w/d) am Standort Geesthacht.</p></body></html>";
    let [title, _, location] = fields(html);
    assert_eq!(
        title.as_deref(),
        Some("Informationselektroniker für Bürosystemtechnik (m/w/d)")
    );
    assert_eq!(location.as_deref(), Some("Geesthacht"));
}

#[test]
fn the_logo_names_the_part_beside_the_title() {
    // balcar-praca-kierowca-b-be.html, shortened.
    let html = "<html lang=\"en\"><head><title>Balcar | Kierowca B/ B+E</title></head><body>\
        <header><a href=\"/\"><img alt=\"Balcar logo\" src=\"/logo.svg\"></a></header>\
        <h1>Kierowca B/ B+E</h1><h3>Poszukujemy osoby na stanowisko kierowcy</h3>\
        <p>Dołącz do naszej dynamicznej firmy budowlanej jako kierowca.</p></body></html>";
    let [title, company, _] = fields(html);
    assert_eq!(title.as_deref(), Some("Kierowca B/ B+E"));
    assert_eq!(company.as_deref(), Some("Balcar"));
}
