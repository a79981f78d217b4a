// Posting headings in Azerbaijani, Russian, Turkish and German.
#include "transform/posting_headings.hpp"

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace tailor::transform {

namespace {

void put(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Decodes one code point at s[i] (the input is valid UTF-8: readers check it first).
char32_t next(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < n && i + k < s.size(); ++k) {
    c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  i += n;
  return c;
}

char32_t lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0x0410 && c <= 0x042F) return c + 32;                 // А..Я
  if (c >= 0x0400 && c <= 0x040F) return c + 80;                 // Ѐ..Џ (Ё)
  if (c >= 0x00C0 && c <= 0x00DE && c != 0x00D7) return c + 32;  // Ä Ö Ü Ç ...
  switch (c) {
    case 0x0130:  // İ
    case 0x0131:  // ı
      return 'i';
    case 0x018F:  // Ə
      return 0x0259;
    case 0x011E:  // Ğ
    case 0x015E:  // Ş
      return c + 1;
    default:
      return c;
  }
}

struct Phrase {
  const char* text;  // as written; folded on first use
  PostingPart part;
};

constexpr PostingPart R = PostingPart::Required;
constexpr PostingPart D = PostingPart::Responsibility;
constexpr PostingPart O = PostingPart::Optional;
constexpr PostingPart C = PostingPart::Context;

constexpr std::array kForeign = {
    // Azerbaijani
    Phrase{"tələblər", R},
    Phrase{"tələb olunur", R},
    Phrase{"namizədə tələblər", R},
    Phrase{"namizəddən tələb olunur", R},
    Phrase{"tələb olunan bacarıqlar", R},
    Phrase{"bacarıqlar", R},
    Phrase{"ixtisas tələbləri", R},
    Phrase{"vəzifələr", D},
    Phrase{"vəzifə öhdəlikləri", D},
    Phrase{"öhdəliklər", D},
    Phrase{"əsas vəzifələr", D},
    Phrase{"iş təsviri", D},
    Phrase{"görəcəyiniz işlər", D},
    Phrase{"üstünlük sayılır", O},
    Phrase{"üstünlüklər", O},
    Phrase{"üstünlük verilir", O},
    Phrase{"arzuolunandır", O},
    Phrase{"əlavə üstünlüklər", O},
    Phrase{"haqqımızda", C},
    Phrase{"şirkət haqqında", C},
    Phrase{"biz təklif edirik", C},
    Phrase{"təklif edirik", C},
    Phrase{"iş şəraiti", C},
    Phrase{"şərtlər", C},
    // Russian
    Phrase{"требования", R},
    Phrase{"требования к кандидату", R},
    Phrase{"мы ожидаем", R},
    Phrase{"что мы ожидаем", R},
    Phrase{"ожидаем от вас", R},
    Phrase{"мы ждём от вас", R},
    Phrase{"мы ждем от вас", R},
    Phrase{"необходимые навыки", R},
    Phrase{"навыки", R},
    Phrase{"квалификация", R},
    Phrase{"обязанности", D},
    Phrase{"задачи", D},
    Phrase{"ваши задачи", D},
    Phrase{"чем предстоит заниматься", D},
    Phrase{"что нужно делать", D},
    Phrase{"функционал", D},
    Phrase{"будет плюсом", O},
    Phrase{"плюсом будет", O},
    Phrase{"будет преимуществом", O},
    Phrase{"преимуществом будет", O},
    Phrase{"желательно", O},
    Phrase{"о компании", C},
    Phrase{"о нас", C},
    Phrase{"мы предлагаем", C},
    Phrase{"условия", C},
    // Turkish
    Phrase{"gereksinimler", R},
    Phrase{"aranan nitelikler", R},
    Phrase{"genel nitelikler", R},
    Phrase{"nitelikler", R},
    Phrase{"istenen nitelikler", R},
    Phrase{"beklentilerimiz", R},
    Phrase{"aday kriterleri", R},
    Phrase{"yetkinlikler", R},
    Phrase{"sorumluluklar", D},
    Phrase{"görev tanımı", D},
    Phrase{"iş tanımı", D},
    Phrase{"görevler", D},
    Phrase{"neler yapacaksın", D},
    Phrase{"neler yapacaksınız", D},
    Phrase{"tercih sebebi", O},
    Phrase{"tercih nedeni", O},
    Phrase{"tercih sebepleri", O},
    Phrase{"artı puan", O},
    Phrase{"hakkımızda", C},
    Phrase{"şirket hakkında", C},
    Phrase{"neler sunuyoruz", C},
    Phrase{"sunduklarımız", C},
    Phrase{"yan haklar", C},
    // German
    Phrase{"anforderungen", R},
    Phrase{"ihr profil", R},
    Phrase{"dein profil", R},
    Phrase{"das bringst du mit", R},
    Phrase{"das bringen sie mit", R},
    Phrase{"was du mitbringst", R},
    Phrase{"was sie mitbringen", R},
    Phrase{"qualifikationen", R},
    Phrase{"voraussetzungen", R},
    Phrase{"ihre aufgaben", D},
    Phrase{"deine aufgaben", D},
    Phrase{"aufgaben", D},
    Phrase{"das erwartet dich", D},
    Phrase{"das erwartet sie", D},
    Phrase{"was dich erwartet", D},
    Phrase{"was sie erwartet", D},
    Phrase{"deine rolle", D},
    Phrase{"tätigkeiten", D},
    Phrase{"wünschenswert", O},
    Phrase{"von vorteil", O},
    Phrase{"pluspunkte", O},
    Phrase{"das ist ein plus", O},
    Phrase{"über uns", C},
    Phrase{"wir bieten", C},
    Phrase{"das bieten wir", C},
    Phrase{"was wir bieten", C},
};

// Words inside a line that make its item optional.
constexpr std::array kOptionalWords = {
    "üstünlükdür", "üstünlük sayılır",    "arzuolunandır",  "будет плюсом",  "плюсом будет",
    "желательно",  "будет преимуществом", "приветствуется", "tercih sebebi", "tercih nedeni",
    "tercihen",    "artı puan",           "von vorteil",    "wünschenswert", "idealerweise",
    "ein plus",
};

}  // namespace

std::string fold_heading(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = next(s, i);
    if (c == 0x0307) continue;  // the combining dot of a decomposed İ
    if (c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    put(out, lower(c));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::optional<PostingPart> foreign_heading(std::string_view heading) {
  // The table is written as people write it; it is folded once, like the headings.
  static const std::vector<std::pair<std::string, PostingPart>> table = [] {
    std::vector<std::pair<std::string, PostingPart>> t;
    for (const Phrase& p : kForeign) t.emplace_back(fold_heading(p.text), p.part);
    return t;
  }();
  std::string f = fold_heading(heading);
  for (const auto& [text, part] : table) {
    if (f == text) return part;
  }
  return std::nullopt;
}

bool says_optional_foreign(std::string_view line) {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> w;
    for (const char* x : kOptionalWords) w.push_back(fold_heading(x));
    return w;
  }();
  std::string f = fold_heading(line);
  for (const std::string& w : words) {
    if (f.find(w) != std::string::npos) return true;
  }
  return false;
}

}  // namespace tailor::transform
