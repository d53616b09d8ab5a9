//! A web page parsed within the limits, and what the readers ask of its
//! nodes computed once: HTML's tree builder can make a tree far larger
//! and deeper than the page (unclosed `<div>`s nest without end; a
//! formatting element left open is rebuilt in every paragraph after it),
//! and asking each node about its ancestors or its subtree costs the
//! square of the page. So the parse stops, with a located problem, at
//! [`MAX_PAGE_ELEMENTS`] elements or [`MAX_PAGE_DEPTH`] levels, and
//! [`Facts`] answers every per-node question (is it hidden, how much text
//! is under it, does it hold a block or a table) from arrays filled in
//! one pass down and one pass up.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};

use ego_tree::{NodeId, NodeRef};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink, Node};

use super::limits::{MAX_PAGE_DEPTH, MAX_PAGE_ELEMENTS};

/// Why a page's parse stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Over {
    /// More elements than [`MAX_PAGE_ELEMENTS`]; the line reached.
    Elements(u64),
    /// Nested deeper than [`MAX_PAGE_DEPTH`]; the line where it was.
    Depth(u64),
}

/// scraper's tree sink, counting elements and how deep each one sits.
/// Past a limit it stops placing nodes in the tree (the tree builder keeps
/// its own stacks and never reads the tree back), and the parse is
/// stopped at the end of the piece being read; what a piece can create
/// before that is bounded by its size.
struct Bounded {
    inner: HtmlTreeSink,
    elements: Cell<usize>,
    depth: RefCell<HashMap<NodeId, u32>>,
    line: Cell<u64>,
    over: Cell<Option<Over>>,
}

impl Bounded {
    fn depth_of(&self, node: &NodeId) -> u32 {
        self.depth.borrow().get(node).copied().unwrap_or(0)
    }

    /// Records `child` under `parent`; false past the depth limit.
    fn placed(&self, parent: &NodeId, child: &NodeOrText<NodeId>) -> bool {
        if let NodeOrText::AppendNode(id) = child {
            let d = self.depth_of(parent) + 1;
            if d as usize > MAX_PAGE_DEPTH {
                self.stop(Over::Depth(self.line.get()));
                return false;
            }
            self.depth.borrow_mut().insert(*id, d);
        }
        true
    }

    fn stop(&self, why: Over) {
        if self.over.get().is_none() {
            self.over.set(Some(why));
        }
    }

    fn stopped(&self) -> bool {
        self.over.get().is_some()
    }
}

impl TreeSink for Bounded {
    type Handle = NodeId;
    type Output = (Html, Option<Over>);
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Self::Output {
        let over = self.over.get();
        (self.inner.finish(), over)
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg)
    }
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let n = self.elements.get() + 1;
        self.elements.set(n);
        if n > MAX_PAGE_ELEMENTS {
            self.stop(Over::Elements(self.line.get()));
        }
        self.inner.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        if !self.stopped() && self.placed(parent, &child) {
            self.inner.append(parent, child)
        }
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        if !self.stopped() && self.placed(prev_element, &child) {
            self.inner
                .append_based_on_parent_node(element, prev_element, child)
        }
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id)
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        if self.stopped() {
            return;
        }
        if let NodeOrText::AppendNode(id) = &new_node {
            let d = self.depth_of(sibling);
            self.depth.borrow_mut().insert(*id, d);
        }
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn remove_from_parent(&self, target: &NodeId) {
        if !self.stopped() {
            self.inner.remove_from_parent(target)
        }
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        if !self.stopped() {
            self.inner.reparent_children(node, new_parent)
        }
    }
    fn set_current_line(&self, line: u64) {
        self.line.set(line);
    }
}

/// How much of the page the parser is given at a time: the limits are
/// checked between pieces. Small, since HTML's tree builder may rebuild
/// every open formatting element for each tag in a piece.
const PIECE: usize = 2 * 1024;

/// Parses `text` as a page, stopping at the first limit it passes.
pub fn parse(text: &str) -> Result<Html, Over> {
    let sink = Bounded {
        inner: HtmlTreeSink::new(Html::new_document()),
        elements: Cell::new(0),
        depth: RefCell::new(HashMap::new()),
        line: Cell::new(1),
        over: Cell::new(None),
    };
    let mut parser = html5ever::driver::parse_document(sink, Default::default());
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = rest.len().min(PIECE);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (piece, after) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(piece));
        if let Some(over) = parser.tokenizer.sink.sink.over.get() {
            return Err(over);
        }
        rest = after;
    }
    match parser.finish() {
        (_, Some(over)) => Err(over),
        (html, None) => Ok(html),
    }
}

/// Per-node answers for one page, each computed once.
pub struct Facts<'a> {
    index: HashMap<NodeId, usize>,
    /// Nodes in document order.
    pub order: Vec<NodeRef<'a, Node>>,
    /// The node itself is chrome or hidden (see `html::skipped`).
    pub skipped: Vec<bool>,
    /// The node or one of its ancestors is skipped.
    pub hidden: Vec<bool>,
    /// Characters other than spaces in the text under the node, with
    /// nothing left out.
    pub chars: Vec<usize>,
    /// Elements under the node, itself included.
    pub elements: Vec<usize>,
    /// How many times the disclosure header's label words occur under it.
    pub labels: Vec<usize>,
    /// Text under the node, links counted, skipped elements not.
    pub text_links: Vec<usize>,
    /// A block element, a table or a `<br>` under the node (not itself).
    pub has_block: Vec<bool>,
    /// A table under the node (not itself).
    pub has_table: Vec<bool>,
    /// Text under the node, not counting links, skipped elements or the
    /// left-out containers; filled by [`Facts::leave_out`].
    pub text: Vec<usize>,
    /// The node, or an ancestor, is a left-out container or a skipped
    /// ancestor is above it; filled by [`Facts::leave_out`].
    pub left_out: Vec<bool>,
    /// The node is one of the left-out containers.
    pub container: Vec<bool>,
}

impl<'a> Facts<'a> {
    /// The facts of the tree under `root`. `skipped` tells an element
    /// that is chrome or hidden; `is_block` a block element; `count_labels`
    /// how many label words a text holds.
    pub fn new(
        root: NodeRef<'a, Node>,
        skipped: impl Fn(NodeRef<'_, Node>) -> bool,
        is_block: impl Fn(&str) -> bool,
        count_labels: impl Fn(&str) -> usize,
    ) -> Facts<'a> {
        let order: Vec<NodeRef<'a, Node>> = root.descendants().collect();
        let n = order.len();
        let index: HashMap<NodeId, usize> =
            order.iter().enumerate().map(|(i, d)| (d.id(), i)).collect();
        let parent: Vec<Option<usize>> = order
            .iter()
            .map(|d| d.parent().and_then(|p| index.get(&p.id()).copied()))
            .collect();
        let mut facts = Facts {
            index,
            skipped: order.iter().map(|d| skipped(*d)).collect(),
            hidden: vec![false; n],
            chars: vec![0; n],
            elements: vec![0; n],
            labels: vec![0; n],
            text_links: vec![0; n],
            has_block: vec![false; n],
            has_table: vec![false; n],
            text: vec![0; n],
            left_out: vec![false; n],
            container: vec![false; n],
            order,
        };
        // Down: a parent comes before its children in document order.
        for (i, up) in parent.iter().enumerate() {
            facts.hidden[i] = facts.skipped[i] || up.is_some_and(|p| facts.hidden[p]);
        }
        // Up: children come after their parent, so in reverse order each
        // node is complete before it is added to its parent.
        for i in (0..n).rev() {
            match facts.order[i].value() {
                Node::Text(t) => {
                    let c = t.chars().filter(|c| !c.is_whitespace()).count();
                    facts.chars[i] += c;
                    facts.text_links[i] += c;
                    facts.labels[i] += count_labels(t);
                }
                Node::Element(_) => facts.elements[i] += 1,
                _ => {}
            }
            if facts.skipped[i] {
                facts.text_links[i] = 0;
            }
            let Some(p) = parent[i] else { continue };
            facts.chars[p] += facts.chars[i];
            facts.elements[p] += facts.elements[i];
            facts.labels[p] += facts.labels[i];
            facts.text_links[p] += facts.text_links[i];
            if let Some(e) = facts.order[i].value().as_element() {
                let name = e.name();
                facts.has_block[p] |= is_block(name) || name == "table" || name == "br";
                facts.has_table[p] |= name == "table";
            }
            facts.has_block[p] |= facts.has_block[i];
            facts.has_table[p] |= facts.has_table[i];
        }
        facts
    }

    /// Leaves `containers` out of the text counts (the disclosure header,
    /// read as metadata).
    pub fn leave_out(&mut self, containers: &HashSet<NodeId>) {
        let n = self.order.len();
        let parent: Vec<Option<usize>> = self
            .order
            .iter()
            .map(|d| d.parent().and_then(|p| self.at(p)))
            .collect();
        for (i, up) in parent.iter().enumerate() {
            self.container[i] = containers.contains(&self.order[i].id());
            self.left_out[i] =
                up.is_some_and(|p| self.left_out[p] || self.skipped[p] || self.container[p]);
        }
        self.text = vec![0; n];
        for i in (0..n).rev() {
            let node = self.order[i];
            if let Node::Text(t) = node.value() {
                self.text[i] += t.chars().filter(|c| !c.is_whitespace()).count();
            }
            let link = node.value().as_element().is_some_and(|e| e.name() == "a");
            if self.skipped[i] || self.container[i] || link {
                self.text[i] = 0;
            }
            if let Some(p) = parent[i] {
                self.text[p] += self.text[i];
            }
        }
    }

    /// The index of `node` in [`Facts::order`].
    pub fn at(&self, node: NodeRef<'_, Node>) -> Option<usize> {
        self.index.get(&node.id()).copied()
    }

    /// The index of `node`, which must be in the tree the facts are of.
    pub fn of(&self, node: NodeRef<'_, Node>) -> usize {
        self.at(node).expect("a node of the page the facts are of")
    }
}
