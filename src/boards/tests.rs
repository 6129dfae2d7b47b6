use super::*;
use crate::extract::{Format, Remote, extract, extract_with_shapes};

/// Reads `body` as the answer of the `kind` board `acme`.
fn parse(kind: BoardKind, body: &[u8]) -> Result<Vec<BoardPosting>, ExtractError> {
    let board = Board {
        kind,
        host: "acme.example".into(),
        token: "acme".into(),
        job: None,
    };
    parse_board(&board, body)
}

fn board(url: &str) -> Option<Board> {
    Board::recognise(&Url::parse(url).unwrap())
}

#[test]
fn recognises_board_and_posting_urls() {
    let gh = board("https://boards.greenhouse.io/acme").unwrap();
    assert_eq!(
        (gh.kind, gh.token.as_str(), gh.job),
        (BoardKind::Greenhouse, "acme", None)
    );
    let gh = board("https://job-boards.greenhouse.io/acme/jobs/4012345?gh_src=x").unwrap();
    assert_eq!(gh.job.as_deref(), Some("4012345"));
    let gh = board("https://boards.greenhouse.io/embed/job_app?for=acme&token=77").unwrap();
    assert_eq!((gh.token.as_str(), gh.job.as_deref()), ("acme", Some("77")));
    let lever = board("https://jobs.lever.co/acme/3f1c-aa/apply").unwrap();
    assert_eq!(
        (lever.kind, lever.job.as_deref()),
        (BoardKind::Lever, Some("3f1c-aa"))
    );
    let ashby = board("https://jobs.ashbyhq.com/Acme.Co").unwrap();
    assert_eq!(
        (ashby.kind, ashby.token.as_str()),
        (BoardKind::Ashby, "Acme.Co")
    );
    assert!(board("https://jobs.lever.co/").is_none());
    assert!(board("https://example.com/acme").is_none());
    assert!(board("https://boards.greenhouse.io/acme/departments/1").is_none());
}

#[test]
fn api_urls_follow_the_configured_bases() {
    let mut apis = BoardApis::default();
    let gh = board("https://boards.greenhouse.io/acme/jobs/1").unwrap();
    assert_eq!(
        gh.api_url(&apis).unwrap().as_str(),
        "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true"
    );
    apis.lever = "http://127.0.0.1:9000/lever/".into();
    let lever = board("https://jobs.lever.co/acme").unwrap();
    assert_eq!(
        lever.api_url(&apis).unwrap().as_str(),
        "http://127.0.0.1:9000/lever/v0/postings/acme?mode=json"
    );
    let ashby = board("https://jobs.ashbyhq.com/acme").unwrap();
    assert_eq!(
        ashby.api_url(&apis).unwrap().as_str(),
        "https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true"
    );
}

#[test]
fn greenhouse_content_is_unescaped_once() {
    let json = r#"{"jobs":[{"id":4012345,"title":"Rust Engineer","absolute_url":"https://boards.greenhouse.io/acme/jobs/4012345","location":{"name":"Remote"},"content":"&lt;h2&gt;Requirements&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;Rust &amp;amp; Tokio&lt;/li&gt;&lt;/ul&gt;"}],"meta":{"total":1}}"#;
    let postings = parse(BoardKind::Greenhouse, json.as_bytes()).unwrap();
    assert_eq!(postings.len(), 1);
    assert_eq!(postings[0].id, "4012345");
    assert_eq!(postings[0].company.as_deref(), Some("acme"));
    let posting = postings[0].to_posting().unwrap();
    assert_eq!(posting.text, "Requirements\nRust & Tokio");
    assert_eq!(posting.meta.title.as_deref(), Some("Rust Engineer"));
}

#[test]
fn lever_lists_become_sections() {
    let json = r#"[{"id":"abc","text":"Backend Engineer","hostedUrl":"https://jobs.lever.co/acme/abc","categories":{"location":"Berlin"},"descriptionPlain":"We build things.","lists":[{"text":"What you bring","content":"<li>Rust</li><li>PostgreSQL</li>"}],"additional":"<p>Benefits galore</p>"}]"#;
    let postings = parse(BoardKind::Lever, json.as_bytes()).unwrap();
    let posting = postings[0].to_posting().unwrap();
    assert_eq!(
        posting.text,
        "We build things.\nWhat you bring\nRust\nPostgreSQL\nBenefits galore"
    );
    assert_eq!(posting.sections.len(), 2);
}

#[test]
fn ashby_skips_unlisted_postings_and_wrong_shapes_are_errors() {
    let json = r#"{"jobs":[{"title":"A","jobUrl":"https://jobs.ashbyhq.com/acme/id-1","descriptionHtml":"<p>Rust</p>"},{"title":"B","isListed":false,"jobUrl":"https://jobs.ashbyhq.com/acme/id-2","descriptionHtml":"<p>Go</p>"}]}"#;
    let postings = parse(BoardKind::Ashby, json.as_bytes()).unwrap();
    assert_eq!(postings.len(), 1);
    assert_eq!(postings[0].id, "id-1");
    let error = parse(BoardKind::Ashby, b"[1,2]").unwrap_err();
    assert_eq!(
        error.to_string(),
        "JSON of an unexpected shape: the Ashby API answered with a JSON array, expected an object with a \"jobs\" list"
    );
    assert!(matches!(
        parse(BoardKind::Lever, b"{not json"),
        Err(ExtractError::Json(_))
    ));
}

#[test]
fn board_metadata() {
    let lever = r#"[{"id":"abc","text":"Backend Engineer","hostedUrl":"https://jobs.lever.co/acme/abc","categories":{"location":"Berlin","commitment":"Full-time"},"workplaceType":"hybrid","createdAt":1714557600000,"salaryRange":{"min":70000,"max":90000,"currency":"eur","interval":"per-year-salary"},"descriptionPlain":"We build things."}]"#;
    let posting = &parse(BoardKind::Lever, lever.as_bytes()).unwrap()[0];
    let m = posting.metadata();
    assert_eq!(m.location.as_deref(), Some("Berlin"));
    assert_eq!(m.employment_type.as_deref(), Some("full-time"));
    assert_eq!(m.remote, Some(Remote::Hybrid));
    assert_eq!(m.date_posted.as_deref(), Some("2024-05-01"));
    assert_eq!((m.salary_min, m.salary_max), (Some(70000.0), Some(90000.0)));
    assert_eq!(m.salary_currency.as_deref(), Some("EUR"));
    assert_eq!(m.salary_period.as_deref(), Some("year"));

    let ashby = r#"{"jobs":[{"title":"SRE","jobUrl":"https://jobs.ashbyhq.com/acme/id-1","descriptionHtml":"<p>Rust</p>","employmentType":"FullTime","isRemote":true,"publishedAt":"2025-01-02T03:04:05.000+00:00","compensation":{"summaryComponents":[{"compensationType":"EquityPercentage","minValue":0.1},{"compensationType":"Salary","interval":"1 YEAR","currencyCode":"USD","minValue":150000,"maxValue":200000}]}}]}"#;
    let m = parse(BoardKind::Ashby, ashby.as_bytes()).unwrap()[0].metadata();
    assert_eq!(m.employment_type.as_deref(), Some("full-time"));
    assert_eq!(m.remote, Some(Remote::Remote));
    assert_eq!(m.date_posted.as_deref(), Some("2025-01-02"));
    assert_eq!(
        (m.salary_min, m.salary_max),
        (Some(150000.0), Some(200000.0))
    );

    let greenhouse = r#"{"jobs":[{"id":1,"title":"X","absolute_url":"u","location":{"name":"NYC"},"content":"<p>x</p>","first_published":"2024-06-30T10:00:00-04:00","metadata":[{"name":"Employment Type","value":"Contract","value_type":"single_select"},{"name":"Workplace","value":"Remote"},{"name":"Salary Range","value":"$120,000 - $150,000"}]}]}"#;
    let m = parse(BoardKind::Greenhouse, greenhouse.as_bytes()).unwrap()[0].metadata();
    assert_eq!(m.date_posted.as_deref(), Some("2024-06-30"));
    assert_eq!(m.employment_type.as_deref(), Some("contract"));
    assert_eq!(m.remote, Some(Remote::Remote));
    assert_eq!(m.salary_currency.as_deref(), Some("USD"));
}

#[test]
fn json_documents_are_job_postings_or_errors() {
    let ld = r#"{"@context":"https://schema.org","@type":["JobPosting"],"title":"SRE","hiringOrganization":{"name":"Acme"},"description":"<p>Kubernetes and Terraform</p>"}"#;
    let posting =
        extract_with_shapes(ld.as_bytes(), Format::Json, None, None, &JSON_SHAPES).unwrap();
    assert_eq!(posting.meta.company.as_deref(), Some("Acme"));
    assert_eq!(posting.text, "Kubernetes and Terraform");
    let lever = r#"{"id":"abc","text":"Backend Engineer","hostedUrl":"https://jobs.lever.co/acme/abc","descriptionPlain":"We build things."}"#;
    let posting =
        extract_with_shapes(lever.as_bytes(), Format::Json, None, None, &JSON_SHAPES).unwrap();
    assert_eq!(posting.meta.title.as_deref(), Some("Backend Engineer"));
    let error =
        extract_with_shapes(b"{\"hello\":1}", Format::Json, None, None, &JSON_SHAPES).unwrap_err();
    assert_eq!(
        error.to_string(),
        "JSON of an unexpected shape: a JSON object that is not a job posting (expected a \
         schema.org JobPosting or a Greenhouse, Lever, Ashby, Workday, SmartRecruiters or hh.ru \
         posting, or an object with a title and the posting's text)"
    );
    // Extraction alone knows no board.
    assert!(extract(lever.as_bytes(), Format::Json).is_err());
}

#[test]
fn a_url_stands_for_its_open_postings() {
    let json = r#"{"jobs":[{"id":1,"title":"A","absolute_url":"https://boards.greenhouse.io/acme/jobs/1","content":"<p>a</p>"},{"id":2,"title":"B","absolute_url":"https://boards.greenhouse.io/acme/jobs/2","content":"<p>b</p>"}]}"#;
    let postings = parse(BoardKind::Greenhouse, json.as_bytes()).unwrap();
    let whole = board("https://boards.greenhouse.io/acme").unwrap();
    assert_eq!(choose(&whole, &postings).unwrap().len(), 2);
    assert_eq!(
        choose_one(&whole, &postings).unwrap_err().to_string(),
        "explain takes one posting, and this Greenhouse board has 2 open: give one posting's URL"
    );
    let two = board("https://boards.greenhouse.io/acme/jobs/2").unwrap();
    assert_eq!(choose_one(&two, &postings).unwrap().id, "2");
    let gone = board("https://boards.greenhouse.io/acme/jobs/9").unwrap();
    assert_eq!(
        choose(&gone, &postings).unwrap_err().to_string(),
        "posting 9 is not open on the Greenhouse board \"acme\" (2 open postings)"
    );
    assert_eq!(
        choose(&whole, &[]).unwrap_err().to_string(),
        "the Greenhouse board \"acme\" has no open postings"
    );
}

#[test]
fn recognises_ats_urls() {
    let wd = board("https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite/job/Israel-Yokneam/Practical-Hardware-Electronics-Test-Engineer_JR2021705").unwrap();
    assert_eq!(
        (wd.kind, wd.token.as_str(), wd.job.as_deref()),
        (
            BoardKind::Workday,
            "NVIDIAExternalCareerSite",
            Some("Israel-Yokneam/Practical-Hardware-Electronics-Test-Engineer_JR2021705")
        )
    );
    let wd = board("https://acme.wd1.myworkdayjobs.com/External/job/Remote/Engineer_R1").unwrap();
    assert_eq!(wd.job.as_deref(), Some("Remote/Engineer_R1"));
    // A Workday or SmartRecruiters listing: its list, then each posting.
    let listing = board("https://acme.wd1.myworkdayjobs.com/en-US/External").unwrap();
    assert_eq!(
        (listing.kind, listing.token.as_str(), listing.job),
        (BoardKind::Workday, "External", None)
    );
    assert_eq!(
        board("https://acme.wd1.myworkdayjobs.com/External")
            .unwrap()
            .token,
        "External"
    );
    assert!(board("https://acme.wd1.myworkdayjobs.com/en-US").is_none());
    let listing = board("https://jobs.smartrecruiters.com/Vitol").unwrap();
    assert_eq!(
        (listing.kind, listing.token.as_str(), listing.job),
        (BoardKind::SmartRecruiters, "Vitol", None)
    );
    let sr =
        board("https://jobs.smartrecruiters.com/Vitol/744000133666057-platform-engineer").unwrap();
    assert_eq!(
        (sr.kind, sr.token.as_str(), sr.job.as_deref()),
        (BoardKind::SmartRecruiters, "Vitol", Some("744000133666057"))
    );
    assert!(board("https://jobs.smartrecruiters.com/Vitol/careers").is_none());
    let wk = board("https://apply.workable.com/amazingcare/j/1B7FCA3A83/").unwrap();
    assert_eq!(
        (wk.kind, wk.token.as_str(), wk.job.as_deref()),
        (BoardKind::Workable, "amazingcare", Some("1B7FCA3A83"))
    );
    assert_eq!(
        board("https://apply.workable.com/amazingcare").unwrap().job,
        None
    );
    let rc = board("https://channable.recruitee.com/o/technical-customer-support-french-speaking")
        .unwrap();
    assert_eq!(
        (rc.kind, rc.token.as_str(), rc.job.as_deref()),
        (
            BoardKind::Recruitee,
            "channable",
            Some("technical-customer-support-french-speaking")
        )
    );
    assert_eq!(board("https://channable.recruitee.com/").unwrap().job, None);
    let pe = board("https://personio.jobs.personio.com/job/1834171?display=en").unwrap();
    assert_eq!(
        (pe.kind, pe.token.as_str(), pe.job.as_deref()),
        (BoardKind::Personio, "personio", Some("1834171"))
    );
    assert_eq!(board("https://acme.jobs.personio.de").unwrap().job, None);
    assert!(board("https://acme.jobs.personio.de/about").is_none());
    assert!(board("https://recruitee.com/o/x").is_none());
    assert!(board("https://www.recruitee.com/o/x").is_none());
}

#[test]
fn ats_api_urls() {
    let mut apis = BoardApis::default();
    let url = |u: &str, apis: &BoardApis| board(u).unwrap().api_url(apis).unwrap().to_string();
    assert_eq!(
        url(
            "https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite/job/Israel-Yokneam/Test_JR1",
            &apis
        ),
        "https://nvidia.wd5.myworkdayjobs.com/wday/cxs/nvidia/NVIDIAExternalCareerSite/job/Israel-Yokneam/Test_JR1"
    );
    assert_eq!(
        url(
            "https://jobs.smartrecruiters.com/Vitol/744000133666057-platform-engineer",
            &apis
        ),
        "https://api.smartrecruiters.com/v1/companies/Vitol/postings/744000133666057"
    );
    assert_eq!(
        url("https://apply.workable.com/amazingcare/j/1B7FCA3A83", &apis),
        "https://apply.workable.com/api/v1/widget/accounts/amazingcare?details=true"
    );
    assert_eq!(
        url("https://channable.recruitee.com/o/x", &apis),
        "https://channable.recruitee.com/api/offers/"
    );
    assert_eq!(
        url("https://acme.jobs.personio.de/job/1", &apis),
        "https://acme.jobs.personio.de/xml"
    );
    assert_eq!(
        url("https://acme.wd1.myworkdayjobs.com/en-US/External", &apis),
        "https://acme.wd1.myworkdayjobs.com/wday/cxs/acme/External/jobs"
    );
    assert_eq!(
        url("https://jobs.smartrecruiters.com/Vitol", &apis),
        "https://api.smartrecruiters.com/v1/companies/Vitol/postings?limit=100&offset=0"
    );
    apis.workday = Some("http://127.0.0.1:9/wd/".into());
    apis.personio = Some("http://127.0.0.1:9/p".into());
    assert_eq!(
        url(
            "https://acme.wd1.myworkdayjobs.com/External/job/Remote/Engineer_R1",
            &apis
        ),
        "http://127.0.0.1:9/wd/wday/cxs/acme/External/job/Remote/Engineer_R1"
    );
    assert_eq!(
        url("https://acme.jobs.personio.de/job/1", &apis),
        "http://127.0.0.1:9/p/xml"
    );
}

#[test]
fn personio_feeds_are_read_in_order_with_their_parts_as_sections() {
    let feed = include_bytes!("../../tests/fixtures/boards/personio-feed.xml");
    let board =
        Board::recognise(&Url::parse("https://personio.jobs.personio.de/").unwrap()).unwrap();
    let postings = parse_board(&board, feed).unwrap();
    assert_eq!(postings.len(), 1);
    let p = &postings[0];
    assert_eq!(p.id, "1834171");
    assert_eq!(
        p.url.as_deref(),
        Some("https://personio.jobs.personio.de/job/1834171")
    );
    assert_eq!(p.company.as_deref(), Some("Personio SE & Co. KG"));
    let posting = p.to_posting().unwrap();
    let headings: Vec<_> = posting
        .sections
        .iter()
        .filter_map(|s| s.heading.as_deref())
        .collect();
    // Each part is a headed section (bold lead lines inside them head sections too).
    for part in [
        "The Role: How you'll make an impact at Personio",
        "Role Responsibilities: What you'll do",
        "Role Requirements: What you need to succeed",
    ] {
        assert!(headings.contains(&part), "{part}: {headings:?}");
    }
    assert_eq!(posting.meta.employment_type.as_deref(), Some("full-time"));
    let empty = parse(
        BoardKind::Personio,
        b"<?xml version=\"1.0\"?>\n<workzag-jobs>\n\n</workzag-jobs>",
    );
    assert_eq!(empty.unwrap(), []);
    for (body, message) in [
        (
            &b"{\"jobs\": []}"[..],
            "not a readable XML feed: no <workzag-jobs> element: not a Personio feed",
        ),
        (
            b"<html><body>Moved</body></html>",
            "not a readable XML feed: the Personio feed's root is <html>, expected <workzag-jobs>",
        ),
    ] {
        assert_eq!(
            parse(BoardKind::Personio, body).unwrap_err().to_string(),
            message
        );
    }
    assert!(matches!(
        parse(
            BoardKind::Personio,
            b"<workzag-jobs><position></workzag-jobs>"
        ),
        Err(ExtractError::Xml(_))
    ));
}

#[test]
fn single_posting_answers_are_read_and_json_documents_too() {
    let workday = include_bytes!("../../tests/fixtures/boards/workday-job.json");
    let postings = parse(BoardKind::Workday, workday).unwrap();
    assert_eq!(postings[0].id, "JR2021705");
    assert_eq!(postings[0].location.as_deref(), Some("Israel, Yokneam"));
    let sr = include_bytes!("../../tests/fixtures/boards/smartrecruiters-posting.json");
    let posting = parse(BoardKind::SmartRecruiters, sr).unwrap()[0]
        .to_posting()
        .unwrap();
    assert_eq!(
        posting.meta.location.as_deref(),
        Some("Singapore, Singapore")
    );
    assert_eq!(
        posting.sections[0].heading.as_deref(),
        Some("Company Description")
    );
    // The same answers saved or fetched as JSON documents.
    for body in [&workday[..], &sr[..]] {
        let posting = extract_with_shapes(body, Format::Json, None, None, &JSON_SHAPES).unwrap();
        assert!(posting.meta.title.is_some());
    }
    // A Workday or SmartRecruiters answer for one posting stands for the posting asked.
    let asked = board("https://jobs.smartrecruiters.com/Vitol/1-other-slug").unwrap();
    assert_eq!(
        choose(&asked, &parse(BoardKind::SmartRecruiters, sr).unwrap())
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        parse(BoardKind::Workday, b"[]").unwrap_err().to_string(),
        "JSON of an unexpected shape: the Workday API answered with a JSON array, expected an \
         object with a \"jobPostingInfo\""
    );
}

#[test]
fn hh_vacancies_are_read_through_the_api_and_saved_answers_too() {
    let hh = board("https://hh.ru/vacancy/120234346?query=data").unwrap();
    assert_eq!(
        (hh.kind, hh.token.as_str(), hh.job.as_deref()),
        (BoardKind::HeadHunter, "hh.ru", Some("120234346"))
    );
    let mut apis = BoardApis::default();
    assert_eq!(
        hh.api_url(&apis).unwrap().as_str(),
        "https://api.hh.ru/vacancies/120234346"
    );
    let spb = board("https://spb.hh.ru/vacancy/1/").unwrap();
    assert_eq!(spb.token, "hh.ru");
    let by = board("https://minsk.rabota.by/vacancy/77").unwrap();
    apis.hh = "http://127.0.0.1:9/hh/".into();
    assert_eq!(
        by.api_url(&apis).unwrap().as_str(),
        "http://127.0.0.1:9/hh/vacancies/77?host=rabota.by"
    );
    assert_eq!(board("https://hh.kz/vacancy/5").unwrap().token, "hh.kz");
    for not_a_vacancy in [
        "https://hh.ru/search/vacancy?text=rust",
        "https://hh.ru/vacancy/abc",
        "https://hh.ru/employer/829010",
        "https://nothh.ru/vacancy/1",
    ] {
        assert!(board(not_a_vacancy).is_none(), "{not_a_vacancy}");
    }

    let body = include_bytes!("../../tests/fixtures/boards/hh-vacancy.json");
    let postings = parse_board(&hh, body).unwrap();
    let p = &postings[0];
    assert_eq!(p.id, "120234346");
    assert_eq!(p.url.as_deref(), Some("https://hh.ru/vacancy/120234346"));
    let m = p.metadata();
    assert_eq!(m.title.as_deref(), Some("Senior/Lead Data Scientist"));
    assert_eq!(m.company.as_deref(), Some("Сбер Банк"));
    assert_eq!(m.location.as_deref(), Some("Минск"));
    assert_eq!(m.remote, Some(Remote::Hybrid));
    assert_eq!(m.employment_type.as_deref(), Some("full-time"));
    assert_eq!(m.date_posted.as_deref(), Some("2025-05-17"));
    assert_eq!(m.experience_years, Some(3));
    assert_eq!(m.salary_min, None);
    let posting = p.to_posting().unwrap();
    let skills = posting
        .sections
        .iter()
        .find(|s| s.heading.as_deref() == Some("Key skills"))
        .unwrap();
    assert_eq!(skills.kind, crate::extract::SectionKind::Requirements);
    assert!(
        posting
            .text
            .ends_with("Key skills\nPyTorch\nNLP\nLLM\nLangChain"),
        "{}",
        posting.text
    );
    // The same answer saved as a file.
    let saved = extract_with_shapes(body, Format::Json, None, None, &JSON_SHAPES).unwrap();
    assert_eq!(saved.meta.company.as_deref(), Some("Сбер Банк"));
    assert_eq!(saved.meta.experience_years, Some(3));
}

#[test]
fn hh_salaries_and_places() {
    let vacancy = r#"{"id":"1","name":"X","description":"<p>Rust</p>","employer":{"name":"E"},"area":{"name":"Москва"},"address":{"city":"Зеленоград"},"schedule":{"id":"remote"},"employment":{"id":"part"},"experience":{"id":"moreThan6"},"salary":{"from":150000,"to":null,"currency":"RUR","gross":true}}"#;
    let hh = board("https://hh.ru/vacancy/1").unwrap();
    let m = parse_board(&hh, vacancy.as_bytes()).unwrap()[0].metadata();
    assert_eq!(m.location.as_deref(), Some("Зеленоград, Москва"));
    assert_eq!(m.remote, Some(Remote::Remote));
    assert_eq!(m.employment_type.as_deref(), Some("part-time"));
    assert_eq!(m.experience_years, Some(6));
    assert_eq!(
        (m.salary_min, m.salary_max),
        (Some(150000.0), Some(150000.0))
    );
    assert_eq!(m.salary_currency.as_deref(), Some("RUB"));
    assert_eq!(m.salary_period.as_deref(), Some("month"));
    assert!(parse_board(&hh, b"{\"items\":[]}").is_err());
}

#[test]
fn saved_lists_give_their_postings_in_order() {
    let titles = |postings: &[SavedPosting]| -> Vec<(Option<String>, Option<String>)> {
        postings
            .iter()
            .map(|p| {
                let posting = p.posting.as_ref().unwrap();
                (p.id.clone(), posting.meta.title.clone())
            })
            .collect()
    };
    let value = |bytes: &[u8]| -> Value { serde_json::from_slice(bytes).unwrap() };
    let workable = value(include_bytes!(
        "../../tests/fixtures/boards/workable-widget.json"
    ));
    let listed = postings_in_list(&workable).unwrap();
    assert_eq!(
        titles(&listed),
        [
            (
                Some("1B7FCA3A83".to_owned()),
                Some("Adult / Pediatric Home Health Occupational Therapist".to_owned())
            ),
            (
                Some("1865248842".to_owned()),
                Some("Adult Client Private Duty LPN".to_owned())
            ),
        ]
    );
    let company = listed[0].posting.as_ref().unwrap().meta.company.clone();
    assert_eq!(
        company.as_deref(),
        Some("Amazing Care Home Health Services")
    );
    // A board's list is a list even of one posting.
    let recruitee = value(include_bytes!(
        "../../tests/fixtures/boards/recruitee-offers.json"
    ));
    assert_eq!(postings_in_list(&recruitee).unwrap().len(), 1);
    // An array of JobPostings, and the same postings in an ItemList.
    let array = value(include_bytes!(
        "../../tests/fixtures/boards/jobpostings-array.json"
    ));
    let expected = [
        (
            Some("2424333".to_owned()),
            Some("Account Executive - 100% remote - UK".to_owned()),
        ),
        (
            Some("67414".to_owned()),
            Some("AI Team Leader ( Branch Manager) (Hà Nội)".to_owned()),
        ),
    ];
    assert_eq!(titles(&postings_in_list(&array).unwrap()), expected);
    let items: Vec<Value> = array
        .as_array()
        .unwrap()
        .iter()
        .map(|posting| serde_json::json!({"@type": "ListItem", "item": posting}))
        .collect();
    let item_list = serde_json::json!({"@type": "ItemList", "itemListElement": items});
    assert_eq!(titles(&postings_in_list(&item_list).unwrap()), expected);
    // One posting, alone or in an array, is not a list; nor is anything else.
    let one = serde_json::json!([array[0].clone()]);
    assert!(postings_in_list(&one).is_none());
    for single in [
        &include_bytes!("../../tests/fixtures/boards/hh-vacancy.json")[..],
        include_bytes!("../../tests/fixtures/boards/workday-job.json"),
        b"[1, 2, 3]",
        b"{\"jobs\": []}",
    ] {
        assert!(postings_in_list(&value(single)).is_none());
    }
    assert_eq!(
        posting_id(&value(include_bytes!(
            "../../tests/fixtures/boards/smartrecruiters-posting.json"
        )))
        .as_deref(),
        Some("744000133666057")
    );
}

#[test]
fn listing_pages_give_their_postings_in_order() {
    let page: Value = serde_json::from_slice(include_bytes!(
        "../../tests/fixtures/boards/workday-list.json"
    ))
    .unwrap();
    let (total, paths) = workday::list_page(&page).unwrap();
    assert_eq!(total, Some(3));
    assert_eq!(paths.len(), 3);
    assert_eq!(
        paths[0],
        "/job/Israel-Yokneam/Practical-Hardware-Electronics-Test-Engineer_JR2021705"
    );
    assert_eq!(
        workday::list_body(40),
        r#"{"limit":20,"offset":40,"searchText":""}"#
    );
    let page: Value = serde_json::from_slice(include_bytes!(
        "../../tests/fixtures/boards/smartrecruiters-list.json"
    ))
    .unwrap();
    let (total, ids) = smartrecruiters::list_page(&page).unwrap();
    assert_eq!(total, Some(3));
    assert_eq!(
        ids,
        ["744000137613800", "744000137413079", "744000132911099"]
    );
    assert!(workday::list_page(&serde_json::json!({"jobs": []})).is_none());
}
