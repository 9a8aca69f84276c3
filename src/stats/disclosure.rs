//! Disclosure control for published counts, as Stats NZ applies it to its tables:
//! a count under 6 is suppressed; every other count is randomly rounded to base 3
//! (kept when it is a multiple of 3, else moved to the nearer multiple with
//! probability 2/3 and to the farther with 1/3); and more cells are suppressed where
//! the totals shown would give a suppressed one back (secondary suppression).
//!
//! The tables published together are protected together: a count that appears in
//! several (the tips of a month are a row total in three tables) is one cell, with one
//! published value, and the equations of every table's rows and columns are solved
//! together when checking that no suppressed cell is determined by the rest.
//!
//! The rounding is random but not fresh: each cell's direction comes from a keyed hash
//! of what the cell counts and its true value, so asking again gives the same table (no
//! averaging over reloads), and without the key nobody can tell a cell's true value
//! from the direction it went.

use ring::hmac;
use std::collections::{BTreeMap, BTreeSet};

/// Counts below this are suppressed.
pub const MIN_COUNT: u64 = 6;
/// Counts are published as multiples of this.
pub const BASE: u64 = 3;

/// One table of true counts; its margins are worked out here.
pub struct Grid {
    /// What is counted (`tips`, `reports`): cells of different measures never meet.
    pub measure: &'static str,
    pub row_dimension: &'static str,
    pub rows: Vec<String>,
    pub column_dimension: &'static str,
    pub columns: Vec<String>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<u64>>,
}

/// A table as published: `None` is a suppressed cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Protected {
    pub cells: Vec<Vec<Option<u64>>>,
    pub row_totals: Vec<Option<u64>>,
    pub column_totals: Vec<Option<u64>>,
    pub total: Option<u64>,
}

/// Where an entry of a grid is: a cell, a row's total, a column's total, or the total.
#[derive(Clone, Copy)]
enum Place {
    Cell(usize, usize),
    Row(usize),
    Column(usize),
    Total,
}

impl Grid {
    /// What an entry counts, the same wherever it is published: the measure and the
    /// dimensions it is restricted by, in name order.
    fn key(&self, place: Place) -> String {
        let mut parts: Vec<(&str, &str)> = match place {
            Place::Cell(r, c) => vec![
                (self.row_dimension, &self.rows[r]),
                (self.column_dimension, &self.columns[c]),
            ],
            Place::Row(r) => vec![(self.row_dimension, &self.rows[r])],
            Place::Column(c) => vec![(self.column_dimension, &self.columns[c])],
            Place::Total => vec![],
        };
        parts.sort();
        let dims: Vec<String> = parts.iter().map(|(d, v)| format!("{d}={v}")).collect();
        format!("{}|{}", self.measure, dims.join(";"))
    }

    fn value(&self, place: Place) -> u64 {
        match place {
            Place::Cell(r, c) => self.cells[r][c],
            Place::Row(r) => self.cells[r].iter().sum(),
            Place::Column(c) => self.cells.iter().map(|row| row[c]).sum(),
            Place::Total => self.cells.iter().flatten().sum(),
        }
    }

    fn places(&self) -> Vec<Place> {
        let mut places = Vec::new();
        for r in 0..self.rows.len() {
            for c in 0..self.columns.len() {
                places.push(Place::Cell(r, c));
            }
            places.push(Place::Row(r));
        }
        for c in 0..self.columns.len() {
            places.push(Place::Column(c));
        }
        places.push(Place::Total);
        places
    }

    /// Each row and column of the table with its margins: its parts minus its total.
    fn equations(&self) -> Vec<Vec<(Place, f64)>> {
        let (rows, columns) = (self.rows.len(), self.columns.len());
        let mut equations = Vec::new();
        for r in 0..rows {
            let mut e: Vec<_> = (0..columns).map(|c| (Place::Cell(r, c), 1.0)).collect();
            e.push((Place::Row(r), -1.0));
            equations.push(e);
        }
        for c in 0..columns {
            let mut e: Vec<_> = (0..rows).map(|r| (Place::Cell(r, c), 1.0)).collect();
            e.push((Place::Column(c), -1.0));
            equations.push(e);
        }
        let mut e: Vec<_> = (0..rows).map(|r| (Place::Row(r), 1.0)).collect();
        e.push((Place::Total, -1.0));
        equations.push(e);
        let mut e: Vec<_> = (0..columns).map(|c| (Place::Column(c), 1.0)).collect();
        e.push((Place::Total, -1.0));
        equations.push(e);
        equations
    }
}

/// Every entry of every grid, each distinct count once.
struct Entries {
    keys: Vec<String>,
    values: Vec<u64>,
    /// Margins are costlier to suppress (they are shared): cells go first.
    margin: Vec<bool>,
    /// Each equation over entry indices.
    equations: Vec<Vec<(usize, f64)>>,
}

impl Entries {
    fn of(grids: &[Grid]) -> Entries {
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        let mut entries = Entries {
            keys: Vec::new(),
            values: Vec::new(),
            margin: Vec::new(),
            equations: Vec::new(),
        };
        for grid in grids {
            for place in grid.places() {
                let key = grid.key(place);
                let id = *index.entry(key.clone()).or_insert_with(|| {
                    entries.keys.push(key);
                    entries.values.push(grid.value(place));
                    entries.margin.push(!matches!(place, Place::Cell(..)));
                    entries.keys.len() - 1
                });
                debug_assert_eq!(
                    entries.values[id],
                    grid.value(place),
                    "one count, one value"
                );
            }
            let id_of = |place: Place| index[&grid.key(place)];
            for equation in grid.equations() {
                entries
                    .equations
                    .push(equation.into_iter().map(|(p, a)| (id_of(p), a)).collect());
            }
        }
        entries
    }
}

/// Protects tables published together; each comes back in the order given.
pub fn protect(grids: &[Grid], rounding_key: &[u8]) -> Vec<Protected> {
    let entries = Entries::of(grids);
    let suppressed = suppress(&entries);
    let key = hmac::Key::new(hmac::HMAC_SHA256, rounding_key);
    let published: BTreeMap<&str, Option<u64>> = entries
        .keys
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let value = entries.values[i];
            let shown = (!suppressed.contains(&i)).then(|| round(&key, k, value));
            (k.as_str(), shown)
        })
        .collect();
    grids
        .iter()
        .map(|grid| {
            let get = |place| published[grid.key(place).as_str()];
            Protected {
                cells: (0..grid.rows.len())
                    .map(|r| {
                        (0..grid.columns.len())
                            .map(|c| get(Place::Cell(r, c)))
                            .collect()
                    })
                    .collect(),
                row_totals: (0..grid.rows.len()).map(|r| get(Place::Row(r))).collect(),
                column_totals: (0..grid.columns.len())
                    .map(|c| get(Place::Column(c)))
                    .collect(),
                total: get(Place::Total),
            }
        })
        .collect()
}

/// Random rounding to base 3, its direction drawn from a keyed hash of the cell and
/// its value: the same cell and value always round the same way.
fn round(key: &hmac::Key, cell: &str, value: u64) -> u64 {
    let rest = value % BASE;
    if rest == 0 {
        return value;
    }
    let tag = hmac::sign(key, format!("{cell}={value}").as_bytes());
    let draw = u64::from_be_bytes(tag.as_ref()[..8].try_into().expect("8 bytes")) % 3;
    let down = value - rest;
    let nearer_is_down = rest == 1;
    // Two chances in three of the nearer multiple.
    if (draw < 2) == nearer_is_down {
        down
    } else {
        down + BASE
    }
}

/// Primary suppression (counts from 1 to 5), then secondary suppression until no
/// suppressed entry is determined by the equations with everything else known.
fn suppress(entries: &Entries) -> BTreeSet<usize> {
    let mut suppressed: BTreeSet<usize> = (0..entries.values.len())
        .filter(|&i| (1..MIN_COUNT).contains(&entries.values[i]))
        .collect();
    // Each round suppresses one more entry, so this ends; the bound only guards it.
    for _ in 0..=entries.values.len() {
        // The cheap check first: an equation with one unknown gives it away.
        let lone = entries.equations.iter().find_map(|e| {
            let unknown: Vec<usize> = e
                .iter()
                .map(|&(i, _)| i)
                .filter(|i| suppressed.contains(i))
                .collect();
            (unknown.len() == 1).then(|| (unknown[0], e))
        });
        let exposed = match lone {
            Some((i, _)) => Some(i),
            None => determined(entries, &suppressed).first().copied(),
        };
        let Some(exposed) = exposed else {
            return suppressed;
        };
        match partner(entries, &suppressed, exposed) {
            Some(p) => {
                suppressed.insert(p);
            }
            None => return suppressed,
        }
    }
    suppressed
}

/// The entry to suppress beside an exposed one: in an equation with it, published,
/// non-zero before zero (a zero among zeros protects nothing), cells before margins,
/// smallest first.
fn partner(entries: &Entries, suppressed: &BTreeSet<usize>, exposed: usize) -> Option<usize> {
    entries
        .equations
        .iter()
        .filter(|e| e.iter().any(|&(i, _)| i == exposed))
        .flatten()
        .map(|&(i, _)| i)
        .filter(|i| !suppressed.contains(i))
        .min_by_key(|&i| {
            (
                entries.values[i] == 0,
                entries.margin[i],
                entries.values[i],
                entries.keys[i].clone(),
            )
        })
}

/// The suppressed entries whose value the equations fix, given every published
/// entry's true value: a suppressed entry is safe only if some solution of the
/// equations moves it.
fn determined(entries: &Entries, suppressed: &BTreeSet<usize>) -> Vec<usize> {
    let unknowns: Vec<usize> = suppressed.iter().copied().collect();
    let column: BTreeMap<usize, usize> =
        unknowns.iter().enumerate().map(|(c, &i)| (i, c)).collect();
    let matrix: Vec<Vec<f64>> = entries
        .equations
        .iter()
        .filter(|e| e.iter().any(|(i, _)| column.contains_key(i)))
        .map(|e| {
            let mut row = vec![0.0; unknowns.len()];
            for &(i, a) in e {
                if let Some(&c) = column.get(&i) {
                    row[c] += a;
                }
            }
            row
        })
        .collect();
    fixed_unknowns(matrix, unknowns.len())
        .into_iter()
        .map(|c| unknowns[c])
        .collect()
}

/// The unknowns a homogeneous linear system fixes (to zero, so the real system fixes
/// them to one value): after reduction to row echelon form, a pivot whose row has no
/// free unknown.
pub fn fixed_unknowns(mut matrix: Vec<Vec<f64>>, unknowns: usize) -> Vec<usize> {
    const EPSILON: f64 = 1e-9;
    let mut pivots = Vec::new();
    let mut row = 0;
    for col in 0..unknowns {
        let Some(best) = (row..matrix.len()).max_by(|&a, &b| {
            matrix[a][col]
                .abs()
                .partial_cmp(&matrix[b][col].abs())
                .expect("finite")
        }) else {
            break;
        };
        if matrix[best][col].abs() < EPSILON {
            continue;
        }
        matrix.swap(row, best);
        let lead = matrix[row][col];
        for x in matrix[row].iter_mut() {
            *x /= lead;
        }
        for other in 0..matrix.len() {
            if other != row && matrix[other][col].abs() > EPSILON {
                let factor = matrix[other][col];
                let pivot_row = matrix[row].clone();
                for (x, p) in matrix[other].iter_mut().zip(pivot_row) {
                    *x -= factor * p;
                }
            }
        }
        pivots.push((row, col));
        row += 1;
    }
    let pivot_columns: BTreeSet<usize> = pivots.iter().map(|&(_, c)| c).collect();
    pivots
        .into_iter()
        .filter(|&(r, _)| {
            (0..unknowns)
                .filter(|c| !pivot_columns.contains(c))
                .all(|c| matrix[r][c].abs() < EPSILON)
        })
        .map(|(_, c)| c)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(cells: Vec<Vec<u64>>) -> Grid {
        Grid {
            measure: "tips",
            row_dimension: "month",
            rows: (0..cells.len()).map(|r| format!("r{r}")).collect(),
            column_dimension: "category",
            columns: (0..cells[0].len()).map(|c| format!("c{c}")).collect(),
            cells,
        }
    }

    #[test]
    fn rounding_keeps_multiples_and_goes_to_a_neighbour() {
        let key = hmac::Key::new(hmac::HMAC_SHA256, b"k");
        for value in 6..300 {
            let r = round(&key, "tips|", value);
            assert_eq!(r % 3, 0);
            assert!(r.abs_diff(value) < 3);
            assert_eq!(r, round(&key, "tips|", value), "the same each time");
        }
        // Over many cells, about two in three go to the nearer multiple.
        let nearer = (0..3000)
            .filter(|i| round(&key, &format!("tips|month={i}"), 10) == 9)
            .count();
        assert!((1800..2200).contains(&nearer), "{nearer}");
    }

    #[test]
    fn a_lone_small_cell_takes_a_partner() {
        let g = grid(vec![vec![40, 3, 50], vec![30, 60, 70]]);
        let p = &protect(&[g], b"k")[0];
        assert_eq!(p.cells[0][1], None);
        let row0 = p.cells[0].iter().filter(|c| c.is_none()).count();
        assert!(row0 >= 2, "{p:?}");
        let col1 = p.cells.iter().filter(|r| r[1].is_none()).count()
            + usize::from(p.column_totals[1].is_none());
        assert!(col1 >= 2, "{p:?}");
    }

    #[test]
    fn a_bridge_between_two_protected_blocks_is_found() {
        // Rows 0-1 x columns 0-1 and rows 2-3 x columns 2-3 are rectangles of small
        // cells (each line has two), joined by one small cell at (0, 2): the line rule
        // passes it, but the equations together fix it.
        let cells = vec![
            vec![2, 3, 4, 50],
            vec![3, 2, 60, 70],
            vec![80, 90, 2, 3],
            vec![70, 60, 3, 2],
        ];
        let g = grid(cells);
        let entries = Entries::of(std::slice::from_ref(&g));
        let primary: BTreeSet<usize> = (0..entries.values.len())
            .filter(|&i| (1..MIN_COUNT).contains(&entries.values[i]))
            .collect();
        let suppressed = suppress(&entries);
        assert!(suppressed.is_superset(&primary));
        assert!(determined(&entries, &suppressed).is_empty());
    }

    #[test]
    fn linear_algebra() {
        // x = 0 fixed; y - z = 0 leaves both free.
        let m = vec![vec![1.0, 0.0, 0.0], vec![0.0, 1.0, -1.0]];
        assert_eq!(fixed_unknowns(m, 3), vec![0]);
        assert!(fixed_unknowns(vec![vec![1.0, 1.0]], 2).is_empty());
    }
}
