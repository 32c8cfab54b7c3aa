//! What lies outside a signature, in English and in Italian: the words of
//! `unsigned-content-outside-signature` and of inspect's list.

use super::Lang;
use crate::finding::Outside;

impl Outside {
    /// What lies outside, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, Outside::ExtraSignedPart { content_type, mime_path }) => format!(
                "an unsigned {content_type} part (MIME part {mime_path}) added inside \
                 multipart/signed"
            ),
            (Lang::It, Outside::ExtraSignedPart { content_type, mime_path }) => format!(
                "una parte {content_type} non firmata (parte MIME {mime_path}) aggiunta dentro \
                 multipart/signed"
            ),
            (Lang::En, Outside::Postacert { mime_path }) => {
                format!("postacert.eml at MIME part {mime_path}")
            }
            (Lang::It, Outside::Postacert { mime_path }) => {
                format!("postacert.eml nella parte MIME {mime_path}")
            }
            (Lang::En, Outside::Daticert { mime_path }) => {
                format!("daticert.xml at MIME part {mime_path}")
            }
            (Lang::It, Outside::Daticert { mime_path }) => {
                format!("daticert.xml nella parte MIME {mime_path}")
            }
            (Lang::En, Outside::Preamble { mime_path, bytes }) => format!(
                "text of {bytes} bytes before the first boundary of MIME part {mime_path}, more \
                 than the usual sentence (which mail programs do not show)"
            ),
            (Lang::It, Outside::Preamble { mime_path, bytes }) => format!(
                "un testo di {bytes} byte prima del primo delimitatore della parte MIME \
                 {mime_path}, più della solita frase (che i programmi di posta non mostrano)"
            ),
            (Lang::En, Outside::Epilogue { mime_path, bytes }) => format!(
                "text of {bytes} bytes after the closing boundary of MIME part {mime_path} \
                 (which mail programs do not show)"
            ),
            (Lang::It, Outside::Epilogue { mime_path, bytes }) => format!(
                "un testo di {bytes} byte dopo il delimitatore di chiusura della parte MIME \
                 {mime_path} (che i programmi di posta non mostrano)"
            ),
        }
    }
}
