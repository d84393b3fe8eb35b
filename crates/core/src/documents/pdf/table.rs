//! Ruled tables: columns sized in proportion to the writing area, a shaded head (one or
//! more rows, cells spanning columns or reaching down over the row below) repeated at
//! the top of every page the table continues on, cells that wrap, and rows that break
//! across pages only when one is taller than a whole page.

use super::fonts::Style;
use super::layout::{Align, Sheet};

/// One column: its title in the head, its share of the width, how its cells align.
#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    pub weight: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: &str, weight: f32, align: Align) -> Column {
        Column {
            title: title.to_owned(),
            weight,
            align,
        }
    }
}

/// A cell of the head.
#[derive(Debug, Clone)]
pub enum Head {
    /// Text over `span` columns.
    Text(String, usize),
    /// Covered by the cell above, which reaches down over this row.
    Above,
}

/// A cell of the body.
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub span: usize,
    pub bold: bool,
    /// Instead of the column's alignment.
    pub align: Option<Align>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            span: 1,
            bold: false,
            align: None,
        }
    }

    /// Reaching over `columns` columns.
    pub fn span(mut self, columns: usize) -> Cell {
        self.span = columns.max(1);
        self
    }

    pub fn bold(mut self) -> Cell {
        self.bold = true;
        self
    }

    pub fn align(mut self, align: Align) -> Cell {
        self.align = Some(align);
        self
    }
}

/// A cell placed on the page: its column box, alignment, style and wrapped lines.
struct Placed {
    x: f32,
    width: f32,
    align: Align,
    style: Style,
    lines: Vec<String>,
    /// How many rows below its own a head cell reaches over.
    down: usize,
}

#[derive(Clone)]
pub struct Table {
    x: f32,
    /// The writing area's width, which the columns share.
    total: f32,
    weights: Vec<f32>,
    widths: Vec<f32>,
    aligns: Vec<Align>,
    head: Vec<Vec<Head>>,
    head_style: Style,
    body_style: Style,
    pad: f32,
}

impl Table {
    /// A table across the sheet's writing area whose head is the columns' titles.
    pub fn new(sheet: &Sheet, columns: &[Column], head_style: Style, body_style: Style) -> Table {
        let weights: Vec<f32> = columns.iter().map(|c| c.weight.max(0.0)).collect();
        let total = sheet.content_width();
        Table {
            x: sheet.left(),
            total,
            widths: share(total, &weights, &vec![0.0; weights.len()]),
            weights,
            aligns: columns.iter().map(|c| c.align).collect(),
            head: vec![columns
                .iter()
                .map(|c| Head::Text(c.title.clone(), 1))
                .collect()],
            head_style,
            body_style,
            pad: 3.0,
        }
    }

    /// Replaces the head with these rows (cells spanning columns, or `Above`).
    pub fn with_head(mut self, rows: Vec<Vec<Head>>) -> Table {
        self.head = rows;
        self
    }

    /// The left edge and width of `span` columns from column `first`.
    fn span_box(&self, first: usize, span: usize) -> (f32, f32) {
        let x = self.x + self.widths.iter().take(first).sum::<f32>();
        let width = self.widths.iter().skip(first).take(span).sum();
        (x, width)
    }

    fn place(&self, sheet: &Sheet, first: usize, span: usize, style: Style, text: &str) -> Placed {
        let (x, width) = self.span_box(first, span);
        let align = self.aligns.get(first).copied().unwrap_or(Align::Left);
        let lines = sheet
            .typeface()
            .wrap(style, text, (width - 2.0 * self.pad).max(1.0));
        Placed {
            x,
            width,
            align,
            style,
            lines,
            down: 0,
        }
    }

    fn text_height(&self, lines: usize, style: Style) -> f32 {
        lines.max(1) as f32 * style.line_height() + 2.0 * self.pad
    }

    /// The head's cells, row by row, and each row's height.
    fn lay_head(&self, sheet: &Sheet) -> (Vec<Vec<Placed>>, Vec<f32>) {
        let mut rows: Vec<Vec<Placed>> = Vec::new();
        let mut covered: Vec<Vec<usize>> = Vec::new();
        for (r, head_row) in self.head.iter().enumerate() {
            let mut placed = Vec::new();
            let mut below = Vec::new();
            let mut column = 0;
            for cell in head_row {
                match cell {
                    Head::Text(text, span) => {
                        let mut p = self.place(sheet, column, *span, self.head_style, text);
                        p.align = Align::Center;
                        placed.push(p);
                        column += (*span).max(1);
                    }
                    Head::Above => {
                        below.push(column);
                        column += 1;
                    }
                }
            }
            rows.push(placed);
            covered.push(below);
            // A cell above reaches down over every `Above` under it.
            for col in &covered[r] {
                let (x, _) = self.span_box(*col, 1);
                for upper in rows.iter_mut().take(r).rev() {
                    if let Some(p) = upper.iter_mut().find(|p| (p.x - x).abs() < 0.01) {
                        p.down += 1;
                        break;
                    }
                }
            }
        }
        let mut heights: Vec<f32> = rows
            .iter()
            .map(|cells| {
                cells
                    .iter()
                    .filter(|p| p.down == 0)
                    .map(|p| self.text_height(p.lines.len(), p.style))
                    .fold(self.text_height(1, self.head_style), f32::max)
            })
            .collect();
        for (r, cells) in rows.iter().enumerate() {
            for p in cells.iter().filter(|p| p.down > 0) {
                let last = (r + p.down).min(heights.len() - 1);
                let have: f32 = heights[r..=last].iter().sum();
                let need = self.text_height(p.lines.len(), p.style);
                if need > have {
                    heights[last] += need - have;
                }
            }
        }
        (rows, heights)
    }

    fn draw_head(&self, sheet: &mut Sheet) {
        let (rows, heights) = self.lay_head(sheet);
        let top = sheet.y();
        let (x, width) = self.span_box(0, self.widths.len());
        sheet.shade(x, top, width, heights.iter().sum());
        let mut row_top = top;
        for (r, cells) in rows.iter().enumerate() {
            for p in cells {
                let last = (r + p.down).min(heights.len() - 1);
                let height: f32 = heights[r..=last].iter().sum();
                self.draw_cell(sheet, p, row_top, height, 0..p.lines.len());
            }
            row_top += heights[r];
        }
        sheet.set_y(row_top);
    }

    fn head_height(&self, sheet: &Sheet) -> f32 {
        self.lay_head(sheet).1.iter().sum()
    }

    /// Draws a cell's box and the lines `lines` of its text.
    fn draw_cell(
        &self,
        sheet: &mut Sheet,
        p: &Placed,
        top: f32,
        height: f32,
        lines: std::ops::Range<usize>,
    ) {
        let (left, right, bottom) = (p.x, p.x + p.width, top + height);
        sheet.line(left, top, right, top);
        sheet.line(left, bottom, right, bottom);
        sheet.line(left, top, left, bottom);
        sheet.line(right, top, right, bottom);
        let end = lines.end.min(p.lines.len());
        let start = lines.start.min(end);
        let mut line_top = top + self.pad;
        for line in p.lines.get(start..end).unwrap_or_default() {
            let inner = p.width - 2.0 * self.pad;
            sheet.text_in(p.x + self.pad, inner, line_top, p.style, p.align, line);
            line_top += p.style.line_height();
        }
    }

    /// Draws the head and `rows` at the cursor, breaking pages as needed (the head again
    /// at the top of each); the cursor ends below the table.
    pub fn draw(&self, sheet: &mut Sheet, rows: &[Vec<Cell>]) {
        self.fitted(sheet, rows).draw_fitted(sheet, rows);
    }

    /// The columns' widths from their weights, each column at least as wide as the widest
    /// word of its own cells (head and body; a word may take at most 40 % of the table),
    /// so that a word breaks only where a column cannot hold it.
    fn fitted(&self, sheet: &Sheet, rows: &[Vec<Cell>]) -> Table {
        let columns = self.weights.len();
        let cap = self.total * 0.4;
        let mut least = vec![0.0_f32; columns];
        let widest = |style: Style, text: &str| {
            text.split([' ', '\n'])
                .map(|word| sheet.typeface().width(style, word))
                .fold(0.0, f32::max)
                + 2.0 * self.pad
                + 1.0
        };
        // Every cell, as (first column, span, widest word).
        let mut cells: Vec<(usize, usize, f32)> = Vec::new();
        for head_row in &self.head {
            let mut column = 0;
            for cell in head_row {
                match cell {
                    Head::Text(text, span) => {
                        let span = (*span).max(1);
                        cells.push((column, span, widest(self.head_style, text)));
                        column += span;
                    }
                    Head::Above => column += 1,
                }
            }
        }
        for row in rows {
            let mut column = 0;
            for cell in row {
                let style = Style {
                    bold: cell.bold,
                    ..self.body_style
                };
                let span = cell.span.max(1);
                cells.push((column, span, widest(style, &cell.text)));
                column += span;
            }
        }
        // Single columns first; then a spanning cell whose columns are still too narrow
        // together widens the last of them.
        cells.sort_by_key(|(_, span, _)| *span);
        for (column, span, need) in cells {
            let need = need.min(cap);
            let last = (column + span).min(columns);
            let have: f32 = least.get(column..last).map_or(0.0, |l| l.iter().sum());
            if let Some(least) = least.get_mut(last.saturating_sub(1)) {
                *least += (need - have).max(0.0);
            }
        }
        Table {
            widths: share(self.total, &self.weights, &least),
            ..self.clone()
        }
    }

    fn draw_fitted(&self, sheet: &mut Sheet, rows: &[Vec<Cell>]) {
        let head = self.head_height(sheet);
        let placed: Vec<Vec<Placed>> = rows.iter().map(|r| self.place_row(sheet, r)).collect();
        let first = placed
            .first()
            .map_or(0.0, |cells| self.row_height(cells, 1));
        sheet.keep(head + first);
        self.draw_head(sheet);
        for cells in &placed {
            self.draw_row(sheet, cells, head);
        }
    }

    fn place_row(&self, sheet: &Sheet, cells: &[Cell]) -> Vec<Placed> {
        let mut column = 0;
        let mut placed = Vec::new();
        for cell in cells {
            if column >= self.widths.len() {
                break;
            }
            let style = Style {
                bold: cell.bold,
                ..self.body_style
            };
            let span = cell.span.min(self.widths.len() - column);
            let mut p = self.place(sheet, column, span, style, &cell.text);
            p.align = cell.align.unwrap_or(p.align);
            placed.push(p);
            column += span;
        }
        placed
    }

    /// The height of `lines` lines of a row (at least one).
    fn row_height(&self, cells: &[Placed], lines: usize) -> f32 {
        let line = cells
            .iter()
            .map(|p| p.style.line_height())
            .fold(self.body_style.line_height(), f32::max);
        lines.max(1) as f32 * line + 2.0 * self.pad
    }

    fn draw_row(&self, sheet: &mut Sheet, cells: &[Placed], head: f32) {
        let total = cells
            .iter()
            .map(|p| p.lines.len())
            .max()
            .unwrap_or(1)
            .max(1);
        let line = self.row_height(cells, 1) - 2.0 * self.pad;
        // A row that fits a fresh page never breaks; only a taller one is split.
        if self.row_height(cells, total) > sheet.room() {
            let fresh = sheet.page_room() - head;
            if self.row_height(cells, total) <= fresh {
                self.next_page(sheet);
            }
        }
        let mut from = 0;
        while from < total {
            let mut fit = ((sheet.room() - 2.0 * self.pad) / line).floor().max(0.0) as usize;
            if fit == 0 {
                self.next_page(sheet);
                fit = (((sheet.room() - 2.0 * self.pad) / line).floor() as usize).max(1);
            }
            let to = (from + fit).min(total);
            let top = sheet.y();
            let height = self.row_height(cells, to - from);
            for p in cells {
                self.draw_cell(sheet, p, top, height, from..to);
            }
            sheet.set_y(top + height);
            from = to;
            if from < total {
                self.next_page(sheet);
            }
        }
    }

    fn next_page(&self, sheet: &mut Sheet) {
        sheet.break_page();
        self.draw_head(sheet);
    }
}

/// `total` shared out by `weights`, no column narrower than its `least` (those that would
/// be are given their least and the rest share what is left); scaled down to `total`
/// when the leasts alone are wider.
fn share(total: f32, weights: &[f32], least: &[f32]) -> Vec<f32> {
    let mut pinned = vec![false; weights.len()];
    loop {
        let fixed: f32 = least
            .iter()
            .zip(&pinned)
            .filter(|(_, p)| **p)
            .map(|(l, _)| l)
            .sum();
        let free: f32 = weights
            .iter()
            .zip(&pinned)
            .filter(|(_, p)| !**p)
            .map(|(w, _)| w)
            .sum();
        let scale = if free > 0.0 {
            (total - fixed).max(0.0) / free
        } else {
            0.0
        };
        let mut changed = false;
        for (i, pin) in pinned.iter_mut().enumerate() {
            let want = least.get(i).copied().unwrap_or(0.0);
            if !*pin && weights.get(i).copied().unwrap_or(0.0) * scale < want {
                *pin = true;
                changed = true;
            }
        }
        if changed {
            continue;
        }
        let widths: Vec<f32> = weights
            .iter()
            .zip(least)
            .zip(&pinned)
            .map(|((w, l), p)| if *p { *l } else { w * scale })
            .collect();
        let sum: f32 = widths.iter().sum();
        return if sum > total && sum > 0.0 {
            widths.iter().map(|w| w * total / sum).collect()
        } else {
            widths
        };
    }
}

#[cfg(test)]
mod tests {
    use super::share;

    #[test]
    fn columns_share_by_weight_but_keep_their_least() {
        assert_eq!(
            share(100.0, &[1.0, 1.0, 2.0], &[0.0; 3]),
            vec![25.0, 25.0, 50.0]
        );
        assert_eq!(
            share(100.0, &[1.0, 1.0, 2.0], &[40.0, 0.0, 0.0]),
            vec![40.0, 20.0, 40.0]
        );
        let tight = share(100.0, &[1.0, 1.0], &[80.0, 80.0]);
        assert_eq!(tight, vec![50.0, 50.0]);
    }
}
