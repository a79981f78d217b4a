// The document as the typeset formats (PDF, DOCX, HTML) print it: smart quotes, apostrophes
// and dashes in the document's language (locale/smart_punctuation.hpp). The markup, JSON,
// Markdown and text outputs keep the source spelling, and tailoring reads the source.
#pragma once

#include "model/document.hpp"

namespace tailor::writer {

/// `doc` with smart punctuation in every printed text: the name, headline, location and
/// address, link labels, section titles, entries, paragraphs, bullets and skills. Addresses
/// (e-mail, URLs, phone, photo) are left as written. Returns `doc` itself when `on` is false;
/// else fills `storage` and returns it.
const model::Document& typographic(const model::Document& doc, bool on, model::Document& storage);

}  // namespace tailor::writer
