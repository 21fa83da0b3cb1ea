//! Native speed figures of the core: `make bench` (or `cargo bench --bench core`).
//! Prints figures; asserts nothing.

// (Test code: std sorts allowed, see clippy.toml.)
#![allow(clippy::disallowed_methods)]

use nianbao::model::Report;
use nianbao::rules::{check, Context};
use std::hint::black_box;
use std::time::Instant;

fn fixture(name: &str) -> Report {
    let path = format!(
        "{}/tests/fixtures/reports/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Report::from_json_str(&std::fs::read_to_string(path).expect("fixture")).expect("valid fixture")
}

/// Median time per call, in microseconds, over `rounds` rounds of `per_round` calls.
fn time(rounds: usize, per_round: usize, mut f: impl FnMut()) -> f64 {
    let mut samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_round {
                f();
            }
            start.elapsed().as_secs_f64() * 1e6 / per_round as f64
        })
        .collect();
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    samples[samples.len() / 2]
}

fn main() {
    // cargo passes --bench; any other argument is a filter we ignore.
    let last = fixture("pingtan-2021");
    let report = fixture("pingtan-2022");
    let ctx = Context {
        report: &report,
        last_year: Some(&last),
        today: None,
    };
    println!("core speed (native, median per call)");
    let validate = time(50, 200, || {
        black_box(check(black_box(&ctx)));
    });
    println!(
        "  full validation, pingtan-2022 against 2021   {validate:8.1} µs   (target < 100 µs)"
    );
    let text = report.to_json_string();
    let round_trip = time(50, 100, || {
        let back = Report::from_json_str(black_box(&text)).expect("round trip");
        black_box(back.to_json_string());
    });
    println!(
        "  JSON round trip (read + write, {} KB)      {round_trip:8.1} µs",
        text.len() / 1024
    );
    let render = time(50, 100, || {
        black_box(nianbao::export::html::render(black_box(&report)));
    });
    println!("  HTML render of the published report          {render:8.1} µs");
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/samples/pingtan-2021.html"
    ))
    .expect("sample");
    let import = time(10, 5, || {
        black_box(nianbao::import::published::read(black_box(&page)).expect("imports"));
    });
    println!(
        "  import of the largest sample ({} KB page)   {:8.2} ms   (target < 50 ms)",
        page.len() / 1024,
        import / 1000.0
    );
    // Issue 16: each form of the largest sample (tests/fixtures/forms),
    // bytes to recognised report as the importer worker runs it.
    println!("  import of pingtan-2021 by form (target < 10 ms each):");
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/forms/pingtan-2021"
    );
    let mut forms: Vec<String> = std::fs::read_dir(dir)
        .expect("form fixtures")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    forms.sort();
    for form in forms {
        let path = format!("{dir}/{form}");
        let bytes = std::fs::read(&path).expect("form fixture");
        // (A form that is not read: its message.)
        if let Err(why) = nianbao::import::job::recognise(&bytes, &nianbao::import::job::Native) {
            println!(
                "    {form:<22}{:>5} KB   not read: {why}",
                bytes.len() / 1024
            );
            continue;
        }
        let ms = time(10, 5, || {
            black_box(
                nianbao::import::job::recognise(black_box(&bytes), &nianbao::import::job::Native)
                    .expect("imports"),
            );
        }) / 1000.0;
        println!("    {form:<22}{:>5} KB {ms:8.2} ms", bytes.len() / 1024);
    }
    // An OFD page at the most glyphs read (10,000), listed bottom to top:
    // the worst order for the small insertion sort that sets them out.
    let mut page = String::from("<ofd:Page><ofd:Content><ofd:Layer>");
    for i in (0..10_000).rev() {
        let (x, y) = (10.0 + (i % 40) as f64 * 4.5, 10.0 + (i / 40) as f64 * 0.5);
        page.push_str(&format!(
            "<ofd:TextObject Boundary=\"{x} {y} 5 5\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\">字</ofd:TextCode></ofd:TextObject>"
        ));
    }
    page.push_str("</ofd:Layer></ofd:Content></ofd:Page>");
    let files = [
        ("OFD.xml", "<ofd:OFD><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>".to_string()),
        ("Doc_0/Document.xml", "<ofd:Document><ofd:Pages><ofd:Page BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>".to_string()),
        ("Doc_0/Pages/Page_0/Content.xml", page),
    ];
    let ofd = nianbao::export::docx::zip(&files);
    let ms = time(2, 3, || {
        black_box(nianbao::import::ofd::to_text(black_box(&ofd)).expect("reads"));
    }) / 1000.0;
    println!("  an OFD page of 10,000 glyphs in reverse order  {ms:8.1} ms");
    // Table 三 as a thousand pieces of row labels, each broken by a piece of
    // a group heading: the most ways to cut text into a label's pieces
    // (tables::stream::interrupted, at most eight pieces, 16,384 tries a place).
    let pieces = [
        "三、本年度办理",
        "（三）不予",
        "（四）无法提",
        "（六）其他处",
        "申请人情况自然人",
    ];
    let labels = [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "1.本机关不掌握相关政府信息",
    ];
    let mut text = String::from("一、总体情况\n正文。\n三、收到和处理政府信息公开申请情况\n");
    for i in 0..1000 {
        let label: Vec<char> = labels[i % 3].chars().collect();
        let cut = 1 + i % (label.len() - 1);
        text.extend(&label[..cut]);
        text.push('\n');
        text.extend(pieces[i % 5].chars().flat_map(|c| [c, '\n']));
        text.extend(&label[cut..]);
        text.push('\n');
    }
    text.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
    let ms = time(2, 3, || {
        black_box(nianbao::import::published::read(black_box(&text)).expect("reads"));
    }) / 1000.0;
    println!(
        "  表三 as 1,000 row labels broken by group headings ({} KB) {ms:8.1} ms",
        text.len() / 1024
    );
    // pingtan-2021's -raw text with every row of numbers a number a line
    // and six more (as many as tables::stream::WRAPS): the most ways to join
    // numbers wrapped in their cells (tables::stream::rejoined), none holding.
    let raw = std::fs::read_to_string(format!("{dir}/pdf-raw.txt")).expect("form fixture");
    let text: String = raw
        .lines()
        .map(|line| {
            let words: Vec<&str> = line.split(' ').collect();
            if words.len() >= 5 && words.iter().all(|w| w.bytes().all(|b| b.is_ascii_digit())) {
                format!("{}\n1\n1\n1\n1\n1\n1\n", words.join("\n"))
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    let ms = time(10, 5, || {
        black_box(nianbao::import::published::read(black_box(&text)).expect("reads"));
    }) / 1000.0;
    println!("  -raw text, six numbers more in every row         {ms:8.2} ms");
    // A table cut at the page's edge (-raw text of hunt 1188007's cut
    // table, its totals cut) with a 0 lost in four of its cut rows: each
    // row's empty cell in three or four places (and the 无 row's in two),
    // 384 ways to place the block's rows together (tables::stream::
    // placed_by_columns tries at most 1,000), each checking the sums down
    // the columns.
    let mut text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/forms/found/pingtan-2022-cut-1188007/pdf-raw.txt"
    ))
    .expect("form fixture");
    for row in [
        "0 0 8 6 0 747 76",
        "1 345 0 2 0 0 34",
        "3 575 0 6 0 0 58",
        "0 318 0 0 0 7 32",
    ] {
        let short = row.replacen("0 ", "", 1);
        text = text.replacen(&format!("\n{row}\n"), &format!("\n{short}\n"), 1);
    }
    let ms = time(10, 5, || {
        black_box(nianbao::import::published::read(black_box(&text)).expect("reads"));
    }) / 1000.0;
    println!("  a cut table, a 0 lost in four of its rows        {ms:8.2} ms");
}
