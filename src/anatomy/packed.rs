//! Point lists of the atlas and referral tables, packed at compile time into a byte string:
//! the first point of a list as two little-endian i16, every later one as a one-byte step in x
//! and y from the one before (a step too long for a byte is written as the marker byte 0x80
//! and the point itself). The authored tables stay as they are, reviewed as before; only
//! the packed form is compiled into the app, where it is about half the size of the tables.
//! Each list is preceded by its length (u16, little-endian).

pub type Points = &'static [(i16, i16)];

const JUMP: u8 = 0x80;

/// Bytes that `put` writes for a point list.
pub const fn size(pts: Points) -> usize {
    let mut n = 2;
    let mut k = 0;
    while k < pts.len() {
        n += if k == 0 {
            4
        } else if fits(pts[k - 1], pts[k]) {
            2
        } else {
            5
        };
        k += 1;
    }
    n
}

const fn fits(a: (i16, i16), b: (i16, i16)) -> bool {
    let (dx, dy) = (b.0 as i32 - a.0 as i32, b.1 as i32 - a.1 as i32);
    dx > -128 && dx < 128 && dy > -128 && dy < 128
}

const fn put_i16<const N: usize>(out: &mut [u8; N], at: usize, v: i16) {
    let b = v.to_le_bytes();
    out[at] = b[0];
    out[at + 1] = b[1];
}

/// Writes a point list at `at`; returns where the next one starts.
pub const fn put<const N: usize>(out: &mut [u8; N], mut at: usize, pts: Points) -> usize {
    assert!(
        pts.len() <= u16::MAX as usize,
        "point list too long to pack"
    );
    let len = (pts.len() as u16).to_le_bytes();
    out[at] = len[0];
    out[at + 1] = len[1];
    at += 2;
    let mut k = 0;
    while k < pts.len() {
        let p = pts[k];
        if k > 0 && fits(pts[k - 1], p) {
            out[at] = (p.0 - pts[k - 1].0) as i8 as u8;
            out[at + 1] = (p.1 - pts[k - 1].1) as i8 as u8;
            at += 2;
        } else {
            if k > 0 {
                out[at] = JUMP;
                at += 1;
            }
            put_i16(out, at, p.0);
            put_i16(out, at + 2, p.1);
            at += 4;
        }
        k += 1;
    }
    at
}

/// Reads packed bytes in order.
pub struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    pub fn new(bytes: &'static [u8]) -> Reader {
        Reader { bytes, at: 0 }
    }

    fn i16(&mut self) -> i16 {
        let v = i16::from_le_bytes([self.bytes[self.at], self.bytes[self.at + 1]]);
        self.at += 2;
        v
    }

    /// The next point list, decoded into memory that lives as long as the app.
    pub fn points(&mut self) -> Points {
        let n = self.i16() as u16 as usize;
        let mut out = Vec::with_capacity(n);
        let mut p = (0i16, 0i16);
        for k in 0..n {
            if k > 0 && self.bytes[self.at] != JUMP {
                p.0 += self.bytes[self.at] as i8 as i16;
                p.1 += self.bytes[self.at + 1] as i8 as i16;
                self.at += 2;
            } else {
                if k > 0 {
                    self.at += 1;
                }
                p = (self.i16(), self.i16());
            }
            out.push(p);
        }
        out.leak()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_short_and_long_steps() {
        const PTS: Points = &[
            (3, 241),
            (13, 242),
            (-54, 799),
            (200, 4),
            (199, 131),
            (0, 0),
        ];
        const N: usize = size(PTS) + size(&[]);
        static BYTES: [u8; N] = {
            let mut out = [0; N];
            let at = put(&mut out, 0, PTS);
            assert!(put(&mut out, at, &[]) == N);
            out
        };
        let mut r = Reader::new(&BYTES);
        assert_eq!(r.points(), PTS);
        assert_eq!(r.points(), &[] as Points);
    }
}
