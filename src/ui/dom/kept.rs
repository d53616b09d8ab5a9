//! What `report build` writes into the static page that the components do
//! not render: the offline copy's SHA-256 after its download link and in
//! the print block (`site::describe_files` in the command-line tool). The
//! live viewer replaces the static content, so these elements are taken
//! out first and put back at the same places in the live view; the text
//! below them then stays where it was.

use web_sys::Element;

use super::document;

/// Each kept element (a selector), the element it goes to, and whether it
/// goes after that element (else inside it, last).
const KEPT: [(&str, &str, bool); 2] = [
    (
        "[data-testid=offline-sha256]",
        "[data-testid=download-offline]",
        true,
    ),
    (".print-sha256", ".print-meta > dl", false),
];

/// The kept elements in the page, in [`KEPT`]'s order.
pub(super) fn take() -> Vec<Option<Element>> {
    KEPT.iter()
        .map(|(what, _, _)| document().query_selector(what).ok().flatten())
        .collect()
}

/// Puts elements [`take`] found back where their places are now.
pub(super) fn put(kept: Vec<Option<Element>>) {
    for ((_, place, after), el) in KEPT.iter().zip(kept) {
        let (Some(el), Ok(Some(at))) = (el, document().query_selector(place)) else {
            continue;
        };
        let _ = if *after {
            at.after_with_node_1(&el)
        } else {
            at.append_with_node_1(&el)
        };
    }
}
