#include "transform/anonymize.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "base/links.hpp"
#include "base/sha256.hpp"
#include "base/slug.hpp"
#include "base/utf8.hpp"
#include "transform/letter_fold.hpp"

namespace tailor::transform {

namespace {

constexpr const char* kRemoved = "[removed]";

bool is_word_cp(char32_t cp) {
  if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) != 0;
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation and symbols (’ “ — …)
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  return true;
}

/// Text folded for matching: ASCII lower-cased, accented and Cyrillic letters folded to ASCII
/// (so "MƏMMƏDOVA", "Məmmədova" and "Memmedova" match), with a map back to source bytes.
struct Folded {
  std::string key;
  std::vector<std::size_t> cp_of;   ///< For each key byte: the index of its code point.
  std::vector<std::size_t> start;   ///< Per code point: source byte offset (plus one end).
  std::vector<bool> word;           ///< Per code point: letter or digit.
  std::vector<std::size_t> key_at;  ///< Per code point: first key byte (plus one end).
};

Folded fold(std::string_view text) {
  Folded f;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t s = i;
    char32_t cp = base::decode_next(text, i);
    std::size_t idx = f.start.size();
    f.start.push_back(s);
    f.key_at.push_back(f.key.size());
    std::string k;
    LetterRole role = cp < 0x80 ? LetterRole::Text : letter_role(cp);
    if (role == LetterRole::Mark) {
      // "e" + U+0301 is "é": the mark belongs to the letter before it and folds away.
      f.word.push_back(true);
      continue;
    }
    if (role == LetterRole::Invisible) {
      // A soft hyphen or zero-width space inside "Ay­sel" spells nothing.
      f.word.push_back(false);
      continue;
    }
    f.word.push_back(is_word_cp(cp));
    if (cp < 0x80) {
      k = std::string(1, static_cast<char>(std::tolower(static_cast<int>(cp))));
    } else {
      k = base::fold_to_ascii(cp);
      if (k.empty()) {
        // A precomposed letter the table lacks: its base letters (ICU's NFD), folded.
        std::string bases = without_marks(cp);
        for (std::size_t j = 0; j < bases.size();) {
          std::size_t b = j;
          char32_t c = base::decode_next(bases, j);
          std::string part =
              c < 0x80 ? std::string(1, static_cast<char>(std::tolower(static_cast<int>(c))))
                       : base::fold_to_ascii(c);
          k += part.empty() ? bases.substr(b, j - b) : part;
        }
      }
      if (k.empty()) k = std::string(text.substr(s, i - s));
    }
    f.key += k;
    f.cp_of.insert(f.cp_of.end(), k.size(), idx);
  }
  f.start.push_back(text.size());
  f.key_at.push_back(f.key.size());
  return f;
}

/// True when the code point at idx spells nothing (a mark or an invisible character).
bool spells_nothing(const Folded& f, std::size_t idx) { return f.key_at[idx] == f.key_at[idx + 1]; }

std::string fold_key(std::string_view text) { return fold(text).key; }

/// Replaces whole-word occurrences of `needle` (compared folded) with `replacement`.
int replace_folded(std::string& text, std::string_view needle, std::string_view replacement) {
  std::string nk = fold_key(needle);
  if (nk.empty()) return 0;
  int count = 0;
  std::size_t from_cp = 0;
  for (;;) {
    Folded f = fold(text);
    std::size_t pos = f.key.find(nk, f.key_at[std::min(from_cp, f.key_at.size() - 1)]);
    bool replaced = false;
    while (pos != std::string::npos) {
      std::size_t first = f.cp_of[pos];
      std::size_t end_key = pos + nk.size();
      std::size_t last = f.cp_of[end_key - 1];
      // Marks after the last letter are part of it ("Jose" + U+0301): remove them with it.
      while (last + 1 < f.word.size() && spells_nothing(f, last + 1) && f.word[last + 1]) ++last;
      bool aligned = f.key_at[first] == pos && f.key_at[last + 1] == end_key;
      bool left_ok = first == 0 || !f.word[first - 1] || !f.word[first];
      bool right_ok = last + 1 >= f.word.size() || !f.word[last + 1] || !f.word[last];
      if (aligned && left_ok && right_ok) {
        std::size_t b0 = f.start[first], b1 = f.start[last + 1];
        text.replace(b0, b1 - b0, replacement);
        from_cp = first + base::count_code_points(replacement);
        ++count;
        replaced = true;
        break;
      }
      pos = f.key.find(nk, pos + 1);
    }
    if (!replaced) return count;
  }
}

/// Replaces e-mail addresses (local@domain.tld) with kRemoved.
int scrub_emails(std::string& text) {
  auto local_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' ||
           c == '+' || c == '-';
  };
  auto domain_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
  };
  int count = 0;
  std::size_t at = text.find('@');
  while (at != std::string::npos) {
    std::size_t l = at, r = at + 1;
    while (l > 0 && local_char(text[l - 1])) --l;
    while (r < text.size() && domain_char(text[r])) ++r;
    while (r > at + 1 && (text[r - 1] == '.' || text[r - 1] == '-')) --r;  // sentence end
    std::string_view domain(text.data() + at + 1, r - at - 1);
    std::size_t dot = domain.rfind('.');
    if (l < at && dot != std::string_view::npos && dot > 0 && domain.size() - dot > 2) {
      // Include a "mailto:" just before the address.
      if (l >= 7 && text.compare(l - 7, 7, "mailto:") == 0) l -= 7;
      text.replace(l, r - l, kRemoved);
      ++count;
      at = text.find('@', l + std::char_traits<char>::length(kRemoved));
    } else {
      at = text.find('@', at + 1);
    }
  }
  return count;
}

std::string digits_of(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (c >= '0' && c <= '9') d += c;
  }
  return d;
}

/// Replaces spellings of `phone` with any spacing or punctuation ("+994 50 123 45 67",
/// "050-123-45-67", "(050) 1234567") and a "tel:" before them.
int scrub_phone(std::string& text, const std::string& phone) {
  std::string want = digits_of(phone);
  if (want.size() < 5) return 0;
  auto phone_char = [](char c) {
    return (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' ||
           c == '+' || c == '/';
  };
  int count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    bool starts = (c >= '0' && c <= '9') || c == '+' || c == '(';
    if (!starts || (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1])))) {
      ++i;
      continue;
    }
    std::size_t r = i;
    while (r < text.size() && phone_char(text[r])) ++r;
    while (r > i && !(text[r - 1] >= '0' && text[r - 1] <= '9')) --r;  // trailing separators
    std::string got = digits_of(std::string_view(text).substr(i, r - i));
    // A national spelling drops the country code and may add a trunk 0 ("050 ...").
    std::string national = got.substr(std::min(got.find_first_not_of('0'), got.size()));
    bool match =
        !got.empty() && (got == want || (national.size() >= 7 && want.ends_with(national)) ||
                         (want.size() >= 7 && got.ends_with(want)));
    if (match && !(r < text.size() && std::isalnum(static_cast<unsigned char>(text[r])))) {
      std::size_t l = i;
      if (l >= 4 && text.compare(l - 4, 4, "tel:") == 0) l -= 4;
      text.replace(l, r - l, kRemoved);
      ++count;
      i = l + std::char_traits<char>::length(kRemoved);
    } else {
      i = std::max(r, i + 1);
    }
  }
  return count;
}

/// "https://www.LinkedIn.com/in/x/" -> "linkedin.com/in/x": the part people write in text.
std::string bare_url(std::string_view url) {
  std::string u(url);
  std::string scheme = base::link_scheme(u);
  if (!scheme.empty()) u.erase(0, scheme.size() + 1);
  while (u.starts_with("/")) u.erase(0, 1);
  if (u.size() >= 4 && (u.compare(0, 4, "www.") == 0 || u.compare(0, 4, "WWW.") == 0)) {
    u.erase(0, 4);
  }
  while (!u.empty() && u.back() == '/') u.pop_back();
  return u;
}

std::string host_of(std::string_view url) {
  std::string b = bare_url(url);
  std::size_t slash = b.find_first_of("/?#");
  std::string host = b.substr(0, slash);
  if (std::size_t at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
  if (std::size_t colon = host.find(':'); colon != std::string::npos) host.erase(colon);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return host;
}

bool is_profile_host(const std::string& host) {
  static constexpr std::array<const char*, 22> kHosts = {
      "linkedin.com", "github.com",    "gitlab.com",    "bitbucket.org",     "twitter.com",
      "x.com",        "facebook.com",  "instagram.com", "stackoverflow.com", "medium.com",
      "t.me",         "telegram.me",   "vk.com",        "xing.com",          "behance.net",
      "dribbble.com", "youtube.com",   "tiktok.com",    "mastodon.social",   "kaggle.com",
      "leetcode.com", "hackerrank.com"};
  for (const char* h : kHosts) {
    std::string_view hv(h);
    if (host == hv) return true;
    if (host.size() > hv.size() && host.ends_with(hv) && host[host.size() - hv.size() - 1] == '.') {
      return true;
    }
  }
  return false;
}

/// Replaces any address on a personal site ("kamran.example.org/patches") with kRemoved:
/// the whole site identifies the candidate, not only the page the header links to.
int scrub_personal_hosts(std::string& text, const std::vector<std::string>& hosts) {
  if (hosts.empty()) return 0;
  auto url_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("-._~:/?#[]@!$&'()*+;=%", c);
  };
  int count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!url_char(text[i]) || (i > 0 && url_char(text[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t r = i;
    while (r < text.size() && url_char(text[r])) ++r;
    while (r > i && std::strchr(".,;:!?)'", text[r - 1])) --r;  // sentence punctuation
    std::string host = host_of(std::string_view(text).substr(i, r - i));
    bool personal = std::find(hosts.begin(), hosts.end(), host) != hosts.end();
    if (personal && r > i) {
      text.replace(i, r - i, kRemoved);
      ++count;
      i += std::char_traits<char>::length(kRemoved);
    } else {
      i = std::max(r, i + 1);
    }
  }
  return count;
}

struct Secrets {
  std::string reference;
  std::vector<std::string> urls;   ///< Bare forms, longest first.
  std::vector<std::string> hosts;  ///< Personal sites' hosts (not profile platforms).
  std::string phone;
  std::string email;
  std::string name;
  std::vector<std::string> name_parts;
  std::string address;
};

bool personal_link(const Secrets& s, const std::string& url) {
  if (url.empty()) return false;
  std::string scheme = base::link_scheme(url);
  if (scheme == "mailto" || scheme == "tel") return true;
  std::string host = host_of(url);
  if (is_profile_host(host)) return true;
  if (std::find(s.hosts.begin(), s.hosts.end(), host) != s.hosts.end()) return true;
  std::string bare = fold_key(bare_url(url));
  for (const std::string& u : s.urls) {
    std::string k = fold_key(u);
    if (bare == k || (bare.starts_with(k) && bare.size() > k.size() &&
                      (bare[k.size()] == '/' || bare[k.size()] == '?' || bare[k.size()] == '#'))) {
      return true;
    }
  }
  return false;
}

int scrub(std::string& text, const Secrets& s) {
  int n = 0;
  for (const std::string& u : s.urls) {
    // "https://github.com/x" is written in text with or without its scheme and "www.".
    for (const char* prefix : {"https://www.", "http://www.", "https://", "http://", "www.", ""}) {
      n += replace_folded(text, std::string(prefix) + u, kRemoved);
    }
  }
  n += scrub_personal_hosts(text, s.hosts);
  n += scrub_emails(text);
  if (!s.email.empty()) n += replace_folded(text, s.email, kRemoved);
  if (!s.phone.empty()) n += scrub_phone(text, s.phone);
  if (!s.address.empty()) n += replace_folded(text, s.address, kRemoved);
  if (!s.name.empty()) n += replace_folded(text, s.name, s.reference);
  for (const std::string& part : s.name_parts) n += replace_folded(text, part, s.reference);
  return n;
}

void scrub_inlines(model::Inlines& runs, const Secrets& s, AnonymizeReport& r) {
  for (model::Run& run : runs) {
    r.text_scrubbed += scrub(run.text, s);
    if (personal_link(s, run.url)) {
      run.url.clear();
      ++r.links_removed;
    }
  }
}

std::vector<std::string> name_parts(const std::string& name) {
  std::vector<std::string> parts;
  std::string cur;
  auto flush = [&] {
    // Initials ("A.") are too short to find reliably; everything else is scrubbed.
    if (base::count_code_points(cur) >= 2) parts.push_back(cur);
    cur.clear();
  };
  std::size_t i = 0;
  while (i < name.size()) {
    std::size_t s = i;
    char32_t cp = base::decode_next(name, i);
    if (is_word_cp(cp) || cp == '\'' || cp == 0x2019) {
      cur.append(name, s, i - s);
    } else {
      flush();
    }
  }
  flush();
  return parts;
}

}  // namespace

AnonymizeReport anonymize(model::Document& doc, const std::string& reference) {
  AnonymizeReport r;
  model::Header& h = doc.header;
  Secrets s;
  s.reference = reference;
  if (h.name.value != reference) {  // already anonymised: the reference is not a secret
    s.name = h.name.value;
    s.name_parts = name_parts(h.name.value);
  }
  s.email = h.email.value;
  s.phone = h.phone.value;
  s.address = h.address.value;
  for (const model::Link& l : h.links) {
    if (std::string b = bare_url(l.url); b.size() >= 4) s.urls.push_back(b);
    std::string host = host_of(l.url);
    if (host.find('.') != std::string::npos && !is_profile_host(host)) s.hosts.push_back(host);
  }
  if (!h.photo.value.empty() && !base::link_scheme(h.photo.value).empty()) {
    s.urls.push_back(bare_url(h.photo.value));
  }
  std::sort(s.urls.begin(), s.urls.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });

  for (model::Field* f : {&h.email, &h.phone, &h.address, &h.photo}) {
    if (!f->empty()) ++r.fields_removed;
    *f = model::Field{};
  }
  h.photo_file.clear();
  r.fields_removed += static_cast<int>(h.links.size());
  h.links.clear();
  h.name.value = reference;
  r.text_scrubbed += scrub(h.headline.value, s);
  r.text_scrubbed += scrub(h.location.value, s);

  std::erase_if(doc.sections, [&](const model::Section& sec) {
    bool drop = sec.kind == model::SectionKind::References;
    r.sections_removed += drop ? 1 : 0;
    return drop;
  });
  for (model::Section& sec : doc.sections) {
    r.text_scrubbed += scrub(sec.title, s);
    for (model::Block& b : sec.blocks) {
      if (auto* p = std::get_if<model::Paragraph>(&b)) {
        scrub_inlines(p->text, s, r);
      } else if (auto* bl = std::get_if<model::Bullet>(&b)) {
        scrub_inlines(bl->text, s, r);
      } else if (auto* e = std::get_if<model::Entry>(&b)) {
        for (std::string* t : {&e->role, &e->organisation, &e->location}) {
          r.text_scrubbed += scrub(*t, s);
        }
        if (personal_link(s, e->url)) {
          e->url.clear();
          ++r.links_removed;
        }
        for (model::Paragraph& p2 : e->description) scrub_inlines(p2.text, s, r);
        for (model::Bullet& b2 : e->bullets) scrub_inlines(b2.text, s, r);
      } else if (auto* g = std::get_if<model::SkillGroup>(&b)) {
        r.text_scrubbed += scrub(g->label, s);
        for (model::Skill& k : g->items) r.text_scrubbed += scrub(k.name, s);
      }
    }
  }
  return r;
}

}  // namespace tailor::transform
