//! Printing to PDF as Chromium's print dialog would, and reading the PDF back with poppler
//! (its text, its number of pages).

use std::process::Command;

use serde_json::json;

use crate::driver::free_port;
use crate::Browser;

impl Browser {
    /// Prints the page as Chromium's print dialog would, with the page's own @page size.
    pub async fn print_pdf(&self) -> Vec<u8> {
        let result = self
            .cdp(
                "Page.printToPDF",
                json!({ "preferCSSPageSize": true, "printBackground": true }),
            )
            .await;
        let data = result["data"].as_str().expect("PDF data");
        base64::Engine::decode(&base64::engine::general_purpose::STANDARD, data)
            .expect("base64 PDF")
    }
}

/// Text of a PDF in reading order with every run of whitespace turned into one space, for
/// finding a text that may wrap over lines.
pub fn pdf_text_flat(pdf: &[u8]) -> String {
    pdf_text_with(pdf, &[])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text of a PDF, through poppler's `pdftotext` (layout kept, so columns stay readable).
pub fn pdf_text(pdf: &[u8]) -> String {
    pdf_text_with(pdf, &["-layout"])
}

fn pdf_text_with(pdf: &[u8], options: &[&str]) -> String {
    let path = std::env::temp_dir().join(format!(
        "autonomie-{}-{}.pdf",
        std::process::id(),
        free_port()
    ));
    std::fs::write(&path, pdf).expect("write pdf");
    let output = Command::new("pdftotext")
        .args(options)
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (apt-get install poppler-utils)");
    let _ = std::fs::remove_file(&path);
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Whether a printed page's text holds `code`: every group of 4 whole, and its symbols in
/// order. The code wraps between groups on paper, and text extraction drops a dash at the end
/// of a line, as it would a hyphen.
pub fn holds_code(printed: &str, code: &str) -> bool {
    let symbols =
        |text: &str| -> String { text.chars().filter(char::is_ascii_alphanumeric).collect() };
    code.split('-').all(|group| printed.contains(group))
        && symbols(printed).contains(&symbols(code))
}

/// Number of pages of a PDF, through poppler's `pdfinfo`.
pub fn pdf_pages(pdf: &[u8]) -> usize {
    let path = std::env::temp_dir().join(format!(
        "autonomie-{}-{}.pdf",
        std::process::id(),
        free_port()
    ));
    std::fs::write(&path, pdf).expect("write pdf");
    let output = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo (apt-get install poppler-utils)");
    let _ = std::fs::remove_file(&path);
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| {
            line.strip_prefix("Pages:")
                .map(|n| n.trim().parse().unwrap_or(0))
        })
        .unwrap_or(0)
}
