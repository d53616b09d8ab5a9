//! Zips written by hand for the synthetic inputs (`synth_files`,
//! `synth_sheets`): their headers say what a test needs, a lying size
//! among them, which the zip crate's writer would never write.

use flate2::{Compress, Compression, FlushCompress, Status};

/// An entry of a hand-made zip: the bytes as stored, how, and what its
/// headers say.
pub struct Entry {
    /// Its path in the zip.
    pub name: String,
    /// 0 stored, 8 deflated.
    pub method: u16,
    /// The bytes as stored.
    pub data: Vec<u8>,
    /// What the headers say its CRC-32 is.
    pub crc: u32,
    /// What the headers say it inflates to.
    pub size: u32,
}

impl Entry {
    /// `text` deflated, with honest headers.
    pub fn deflated(name: &str, text: &[u8]) -> Entry {
        Entry {
            method: 8,
            data: deflate(text, FlushCompress::Finish),
            ..Entry::stored(name, text)
        }
    }

    /// `bytes` stored as they are, with honest headers.
    pub fn stored(name: &str, bytes: &[u8]) -> Entry {
        let mut crc = flate2::Crc::new();
        crc.update(bytes);
        Entry {
            name: name.into(),
            method: 0,
            data: bytes.to_vec(),
            crc: crc.sum(),
            size: bytes.len() as u32,
        }
    }
}

/// Raw deflate of `bytes`, ended by `flush`: `Full` leaves a stream that
/// another can follow, `Finish` ends it.
pub fn deflate(bytes: &[u8], flush: FlushCompress) -> Vec<u8> {
    let mut c = Compress::new(Compression::best(), false);
    let mut out = Vec::with_capacity(bytes.len() / 2 + 64);
    loop {
        out.reserve(64 * 1024);
        let at = c.total_in() as usize;
        let status = c
            .compress_vec(&bytes[at..], &mut out, flush)
            .expect("deflate into a vector");
        let all_in = c.total_in() as usize == bytes.len();
        // Done when the stream ends, or, for a flush, when all is in and
        // the output had room to spare.
        if matches!(status, Status::StreamEnd)
            || (all_in && !matches!(flush, FlushCompress::Finish) && out.len() < out.capacity())
        {
            break;
        }
    }
    out
}

/// A zip of `entries`, written by hand so that its headers can say what
/// the test needs (the zip crate writes only true ones).
pub fn zip(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let header = |sig: &[u8], central: bool| {
            let mut h = sig.to_vec();
            if central {
                h.extend(20u16.to_le_bytes()); // made by
            }
            h.extend(20u16.to_le_bytes()); // needed to read
            h.extend(0u16.to_le_bytes()); // flags
            h.extend(e.method.to_le_bytes());
            h.extend([0, 0x48, 0x21, 0x5A]); // 2025-01-20 09:00
            h.extend(e.crc.to_le_bytes());
            h.extend((e.data.len() as u32).to_le_bytes());
            h.extend(e.size.to_le_bytes());
            h.extend((e.name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra
            if central {
                h.extend([0; 6]); // comment, disk, internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(e.name.as_bytes());
            h
        };
        out.extend(header(b"PK\x03\x04", false));
        out.extend(&e.data);
        central.extend(header(b"PK\x01\x02", true));
    }
    let (at, len, n) = (out.len() as u32, central.len() as u32, entries.len());
    out.extend(central);
    out.extend(b"PK\x05\x06");
    out.extend([0; 4]);
    let n = n.min(0xFFFF) as u16;
    out.extend(n.to_le_bytes());
    out.extend(n.to_le_bytes());
    out.extend(len.to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}
