// Text formatting shared by writers: dates, headings and words in the document's language.
#pragma once

#include <string>

#include "locale/catalog.hpp"
#include "model/document.hpp"

namespace tailor::writer {

/// "2021-04" for style "yyyy-mm"; "Apr 2021" for "mon yyyy", with the month name and the
/// order of month and year from CLDR in `lang` ("März 2021", "2021年3月"); "present" (or the
/// language's word, "heute") for an open end.
std::string format_date(const model::Date& d, const std::string& style = "yyyy-mm",
                        const std::string& lang = "");
/// "2019-03 – 2021-07", "2021-04 – present", "2020"; empty when there are no dates.
std::string format_range(const model::DateRange& r, const std::string& style = "yyyy-mm",
                         const std::string& lang = "");

/// The translations for the document's language (header `lang:`, `--lang` or JSON Resume
/// meta.language); nullptr when it has none or no language is set.
const locale::LocaleData* document_locale(const model::Document& doc);
/// The heading to print: the language's heading for a standard section when the document
/// has a language with translations, else the title as written.
std::string section_heading(const model::Section& s, const model::Document& doc);
/// "page 2 of 3", or the language's pattern ("Seite 2 von 3").
std::string page_of(int page, int pages, const model::Document& doc);
/// A contact label ("email", "phone", "location", "website") in the document's language;
/// `fallback` when it has none.
std::string contact_label(const std::string& key, const std::string& fallback,
                          const model::Document& doc);
/// A contact item as printed when the style asks for labels (`contact_labels: yes`):
/// "Telefon: +49 …". `key` is a label of the locale files (email, phone, location, website);
/// the label is the document language's, or English when the document has no language or
/// its file lacks the label. An empty key (a profile link) takes `own_label` ("GitHub"); with
/// no label at all, or `labelled` false, the value alone.
std::string contact_text(const std::string& key, const std::string& own_label,
                         const std::string& value, bool labelled, const model::Document& doc);
/// The locale-file key for a header link's label: "website" for the label the readers give
/// a `website:` line or JSON Resume's basics.url ("Website"); empty for a profile.
std::string link_label_key(const model::Link& link);

}  // namespace tailor::writer
