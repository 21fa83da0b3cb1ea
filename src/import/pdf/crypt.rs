//! Encrypted PDF files that open without a password. Sites often publish
//! reports locked against copying or changes: the file is encrypted by the
//! standard security handler with an owner password, and its user
//! password, the one a reader asks for to open it, is empty. The key that
//! empty password gives decrypts the streams (RC4 of 40 to 128 bits, AES
//! of 128 or 256 bits: every revision of the handler, 2 to 6), and their
//! text is read as any file's; the permissions (no copying) are a reader's
//! to honour, and reading last year's figures into this year's form is
//! what the office publishing them intends.
//!
//! Not for: files that need a password to open, or another security
//! handler (each is left unread with a message); strings in objects
//! (encrypted too, but no text is read from them: a page's text and fonts'
//! maps are in streams); writing encrypted files.

use super::objects::{Dict, Object};
use aes::cipher::{BlockDecrypt, BlockEncrypt, KeyInit};
use md5::{Digest, Md5};

/// The padding a password is completed with (PDF 32000-1, 7.6.3.3); the
/// whole of it is the empty password.
const PAD: [u8; 32] = [
    0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
    0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
];

/// How a file's streams are encrypted.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cipher {
    /// Not at all (a crypt filter of method None).
    Identity,
    Rc4,
    Aes128,
    Aes256,
}

/// The file's key and how its streams are encrypted.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Crypt {
    key: Vec<u8>,
    cipher: Cipher,
}

impl Crypt {
    /// The key of a file encrypted as `encrypt` says, `id` the first part
    /// of its trailer's `/ID`: none when it needs a password to open, or
    /// is encrypted another way.
    pub fn open(encrypt: &Dict, id: &[u8]) -> Option<Crypt> {
        if encrypt.get("Filter").and_then(Object::name) != Some(b"Standard") {
            return None;
        }
        let number = |key: &str| encrypt.get(key).and_then(Object::number);
        let string = |key: &str| match encrypt.get(key) {
            Some(Object::String(s)) => s.as_slice(),
            _ => &[],
        };
        let version = number("V").unwrap_or(0.0) as u32;
        let revision = number("R").unwrap_or(0.0) as u32;
        let (owner, user) = (string("O"), string("U"));
        let cipher = match version {
            1 | 2 => Cipher::Rc4,
            4 | 5 => stream_cipher(encrypt)?,
            _ => return None,
        };
        if revision >= 5 {
            let key = key_aes256(revision, user, string("UE"))?;
            return Some(Crypt { key, cipher });
        }
        let bits = match (version, cipher) {
            (1, _) => 40.0,
            (4, Cipher::Aes128) => 128.0,
            _ => number("Length").unwrap_or(40.0),
        };
        let length = if revision == 2 {
            5
        } else {
            (bits as usize / 8).clamp(5, 16)
        };
        if owner.len() < 32 || user.len() < 16 {
            return None;
        }
        let mut md5 = Md5::new();
        md5.update(PAD);
        md5.update(&owner[..32]);
        md5.update((number("P").unwrap_or(0.0) as i64 as i32).to_le_bytes());
        md5.update(id);
        if revision >= 4 && encrypt.get("EncryptMetadata") == Some(&Object::Bool(false)) {
            md5.update([0xff; 4]);
        }
        let mut hash = md5.finalize().to_vec();
        if revision >= 3 {
            for _ in 0..50 {
                hash = Md5::digest(&hash[..length]).to_vec();
            }
        }
        let key = hash[..length].to_vec();
        // The empty password is the user's when it gives the file's `/U`.
        let opens = if revision == 2 {
            rc4(&key, &PAD) == user[..32.min(user.len())]
        } else {
            let mut md5 = Md5::new();
            md5.update(PAD);
            md5.update(id);
            let mut check = md5.finalize().to_vec();
            for round in 0..20u8 {
                let round_key: Vec<u8> = key.iter().map(|b| b ^ round).collect();
                check = rc4(&round_key, &check);
            }
            check == user[..16]
        };
        opens.then_some(Crypt { key, cipher })
    }

    /// The data of stream object `number` (generation `generation`)
    /// decrypted; none when it cannot be (AES data not in whole blocks).
    pub fn stream(&self, number: u32, generation: u16, data: &[u8]) -> Option<Vec<u8>> {
        let object_key = || {
            let mut md5 = Md5::new();
            md5.update(&self.key);
            md5.update(&number.to_le_bytes()[..3]);
            md5.update(generation.to_le_bytes());
            if self.cipher == Cipher::Aes128 {
                md5.update(b"sAlT");
            }
            let hash = md5.finalize();
            hash[..(self.key.len() + 5).min(16)].to_vec()
        };
        match self.cipher {
            Cipher::Identity => Some(data.to_vec()),
            Cipher::Rc4 => Some(rc4(&object_key(), data)),
            Cipher::Aes128 => {
                let key = object_key();
                let cipher = aes::Aes128::new_from_slice(&key).ok()?;
                cbc_decrypt(&cipher, data).map(unpad)
            }
            Cipher::Aes256 => {
                let cipher = aes::Aes256::new_from_slice(&self.key).ok()?;
                cbc_decrypt(&cipher, data).map(unpad)
            }
        }
    }
}

/// How a file of version 4 or 5 encrypts its streams: the crypt filter its
/// `/StmF` names (`/Identity`: not at all).
fn stream_cipher(encrypt: &Dict) -> Option<Cipher> {
    let name = encrypt
        .get("StmF")
        .and_then(Object::name)
        .unwrap_or(b"Identity");
    if name == b"Identity" {
        return Some(Cipher::Identity);
    }
    let filters = encrypt.get("CF").and_then(Object::dict)?;
    let filter = filters.get(std::str::from_utf8(name).ok()?)?.dict()?;
    match filter.get("CFM").and_then(Object::name) {
        Some(b"V2") => Some(Cipher::Rc4),
        Some(b"AESV2") => Some(Cipher::Aes128),
        Some(b"AESV3") => Some(Cipher::Aes256),
        Some(b"None") | None => Some(Cipher::Identity),
        _ => None,
    }
}

/// The file key of revisions 5 and 6 (AES-256) when the empty password is
/// the user's: `/UE` decrypted by the hash of the password and `/U`'s key
/// salt, once the hash with its validation salt gives `/U`'s first 32 bytes.
fn key_aes256(revision: u32, user: &[u8], user_key: &[u8]) -> Option<Vec<u8>> {
    if user.len() < 48 || user_key.len() < 32 {
        return None;
    }
    let hash = |salt: &[u8]| {
        if revision == 5 {
            sha2::Sha256::digest(salt).to_vec()
        } else {
            hash_r6(salt)
        }
    };
    if hash(&user[32..40]) != user[..32] {
        return None;
    }
    let intermediate = hash(&user[40..48]);
    let cipher = aes::Aes256::new_from_slice(&intermediate).ok()?;
    let mut data = vec![0; 16];
    data.extend_from_slice(&user_key[..32]);
    cbc_decrypt(&cipher, &data)
}

/// The hash of revision 6 (PDF 32000-2, algorithm 2.B) of the empty
/// password with `salt` (no user data: the user's password).
fn hash_r6(salt: &[u8]) -> Vec<u8> {
    use sha2::{Sha256, Sha384, Sha512};
    let mut k = Sha256::digest(salt).to_vec();
    let mut round = 0;
    let mut last = 0u8;
    while round < 64 || usize::from(last) > round - 32 {
        let mut k1 = Vec::with_capacity(64 * k.len());
        for _ in 0..64 {
            k1.extend_from_slice(&k);
        }
        let Ok(cipher) = aes::Aes128::new_from_slice(&k[..16]) else {
            return k;
        };
        let mut previous: [u8; 16] = k[16..32].try_into().unwrap_or([0; 16]);
        for block in k1.chunks_exact_mut(16) {
            for (b, p) in block.iter_mut().zip(previous) {
                *b ^= p;
            }
            cipher.encrypt_block(block.into());
            previous.copy_from_slice(block);
        }
        let e = k1;
        last = e[e.len() - 1];
        k = match e[..16].iter().map(|b| u32::from(*b)).sum::<u32>() % 3 {
            0 => Sha256::digest(&e).to_vec(),
            1 => Sha384::digest(&e).to_vec(),
            _ => Sha512::digest(&e).to_vec(),
        };
        round += 1;
    }
    k.truncate(32);
    k
}

/// `data` (its first block the initial vector) decrypted by AES in CBC
/// mode: none unless whole blocks.
fn cbc_decrypt<C: BlockDecrypt>(cipher: &C, data: &[u8]) -> Option<Vec<u8>> {
    if data.len() < 16 || !data.len().is_multiple_of(16) {
        return None;
    }
    let mut out = data[16..].to_vec();
    for (i, block) in out.chunks_exact_mut(16).enumerate() {
        cipher.decrypt_block(block.into());
        for (b, p) in block.iter_mut().zip(&data[i * 16..i * 16 + 16]) {
            *b ^= p;
        }
    }
    Some(out)
}

/// Decrypted data without its padding (PKCS #7: 1 to 16 bytes of their
/// count); as it is when the padding is not there.
fn unpad(mut data: Vec<u8>) -> Vec<u8> {
    if let Some(&n) = data.last() {
        let n = usize::from(n);
        if (1..=16).contains(&n)
            && n <= data.len()
            && data[data.len() - n..].iter().all(|b| usize::from(*b) == n)
        {
            data.truncate(data.len() - n);
        }
    }
    data
}

/// RC4 of `data` with `key` (encrypting and decrypting are one).
fn rc4(key: &[u8], data: &[u8]) -> Vec<u8> {
    if key.is_empty() {
        return data.to_vec();
    }
    let mut s: [u8; 256] = std::array::from_fn(|i| i as u8);
    let mut j = 0u8;
    for i in 0..256 {
        j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
        s.swap(i, usize::from(j));
    }
    let (mut i, mut j) = (0u8, 0u8);
    data.iter()
        .map(|b| {
            i = i.wrapping_add(1);
            j = j.wrapping_add(s[usize::from(i)]);
            s.swap(usize::from(i), usize::from(j));
            b ^ s[usize::from(s[usize::from(i)].wrapping_add(s[usize::from(j)]))]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rc4_is_rc4() {
        // RFC 6229's first test vector (key 0x0102030405), first 16 bytes.
        let out = rc4(&[1, 2, 3, 4, 5], &[0; 16]);
        assert_eq!(
            out,
            [
                0xb2, 0x39, 0x63, 0x05, 0xf0, 0x3d, 0xc0, 0x27, 0xcc, 0xc3, 0x52, 0x4a, 0x0a, 0x11,
                0x18, 0xa8
            ]
        );
    }

    #[test]
    fn padding_is_taken_off_only_when_there() {
        assert_eq!(unpad(vec![1, 2, 3, 2, 2]), vec![1, 2, 3]);
        assert_eq!(unpad(vec![1, 2, 3, 3, 2]), vec![1, 2, 3, 3, 2]);
        assert_eq!(unpad(vec![7, 0]), vec![7, 0]);
    }
}
