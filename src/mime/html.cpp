// HTML to text over libxml2's recovering HTML parser. Lines are collected
// with their quote depth and written out at the end, so a quote marker is
// decided once per line whatever inline elements it spans.
#include "rsvp/mime/html.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <array>
#include <climits>
#include <memory>
#include <vector>

#include "ascii.hpp"
#include "rsvp/mime/charset.hpp"

namespace rsvp::mime {

namespace {

using detail::lower;

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct XmlFree {
    void operator()(xmlChar* p) const { xmlFree(p); }
};
using XmlString = std::unique_ptr<xmlChar, XmlFree>;

// Deeper elements are dropped: libxml2 builds trees of any depth and the
// walk below is recursive.
constexpr int kMaxElementDepth = 400;

std::string_view view(const xmlChar* s) {
    return s == nullptr ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(s));
}

std::string attribute(xmlNode* node, const char* name) {
    const XmlString value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
    return std::string(view(value.get()));
}

bool has_class(xmlNode* node, std::string_view wanted) {
    const std::string classes = attribute(node, "class");
    std::string_view rest = classes;
    while (!rest.empty()) {
        const std::size_t space = rest.find_first_of(" \t\r\n");
        if (rest.substr(0, space) == wanted) return true;
        if (space == std::string_view::npos) break;
        rest.remove_prefix(space + 1);
    }
    return false;
}

bool in_list(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_block(std::string_view name) {
    return in_list(name, {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl",
                          "dt", "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
                          "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul"});
}

bool is_hidden(std::string_view name) {
    return in_list(name, {"head", "script", "style", "title", "template", "noscript", "xml"});
}

// The start of an element's text, no-break spaces as spaces and whitespace
// collapsed, at most `max` bytes. The walk stops early (and after a bounded
// number of nodes) so nested candidates cannot make the check quadratic.
std::string flat_text(xmlNode* element, std::size_t max) {
    std::string out;
    std::size_t visited = 0;
    xmlNode* n = element->children;
    while (n != nullptr && out.size() < max && ++visited < 1000) {
        if (n->type == XML_TEXT_NODE) {
            const std::string_view s = view(n->content);
            for (std::size_t i = 0; i < s.size() && out.size() < max; ++i) {
                const bool nbsp = s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
                if (nbsp) ++i;
                if (nbsp || detail::is_space(s[i])) {
                    if (!out.empty() && out.back() != ' ') out += ' ';
                } else {
                    out += s[i];
                }
            }
        }
        if (n->type == XML_ELEMENT_NODE && n->children != nullptr) {
            n = n->children;
            continue;
        }
        while (n != element && n->next == nullptr) n = n->parent;
        n = n == element ? nullptr : n->next;
    }
    return out;
}

// Outlook puts the quoted message's header ("De : ... Envoyé : ...") in a
// division with a top border; the original message follows it.
bool is_outlook_reply_header(xmlNode* node) {
    std::string style;
    for (const char c : lower(attribute(node, "style"))) {
        if (!detail::is_space(c)) style += c;
    }
    if (style.find("border-top") == std::string::npos || style.find("solid") == std::string::npos) return false;
    const std::string text = flat_text(node, 300);
    for (const std::string_view label : {"De :", "De:", "From:", "From :", "Von:", "Da:"}) {
        if (text.find(label) != std::string::npos) return true;
    }
    return false;
}

class Writer {
public:
    void set_depth(int depth) { depth_ = depth; }

    void text(std::string_view s, bool pre) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char c = s[i];
            if (pre && c == '\n') {
                line_break();
            } else if (!pre && detail::is_space(c)) {
                pending_space_ = true;
            } else {
                if (!touched_) line_depth_ = depth_;
                touched_ = true;
                line_pre_ = line_pre_ || pre;
                if (pending_space_ && !line_.empty()) line_ += ' ';
                pending_space_ = false;
                if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
                    line_ += ' ';  // no-break space: kept, but as a plain space
                    ++i;
                } else {
                    line_ += c;
                }
            }
        }
    }

    void space() { pending_space_ = true; }

    // End of a block: ends the line if it has anything.
    void block() {
        if (touched_) flush();
        pending_space_ = false;
    }

    // <br>: ends the line, even an empty one.
    void line_break() {
        if (!touched_) line_depth_ = depth_;
        flush();
    }

    std::string finish() {
        block();
        std::vector<std::string> rendered;
        bool previous_blank = true;  // also drops leading blank lines
        for (const auto& [depth, text] : lines_) {
            const bool blank = text.empty();
            if (blank && previous_blank) continue;  // one blank line at most
            previous_blank = blank;
            std::string line;
            for (int d = 0; d < depth; ++d) line += "> ";
            line += text;
            line.resize(detail::trim_right(line).size());
            rendered.push_back(std::move(line));
        }
        if (!rendered.empty() && previous_blank) rendered.pop_back();
        std::string out;
        for (const std::string& line : rendered) {
            if (&line != &rendered.front()) out += '\n';
            out += line;
        }
        return out;
    }

private:
    void flush() {
        // Preformatted lines keep their indentation.
        lines_.push_back({line_depth_, std::string(line_pre_ ? detail::trim_right(line_) : detail::trim(line_))});
        line_.clear();
        line_pre_ = false;
        touched_ = false;
        pending_space_ = false;
    }

    std::vector<std::pair<int, std::string>> lines_;
    std::string line_;
    int depth_ = 0;
    int line_depth_ = 0;
    bool touched_ = false;  // the line has content, if only no-break spaces
    bool line_pre_ = false;
    bool pending_space_ = false;
};

class Walker {
public:
    explicit Walker(Writer& out) : out_(out) {}

    void nodes(xmlNode* first, int level) {
        for (xmlNode* n = first; n != nullptr; n = n->next) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                out_.text(view(n->content), pre_ > 0);
            } else if (n->type == XML_ELEMENT_NODE && level < kMaxElementDepth) {
                element(n, level + 1);
            }
        }
    }

private:
    void element(xmlNode* n, int level) {
        const std::string name = lower(view(n->name));
        if (is_hidden(name)) return;
        if (name == "br") {
            out_.line_break();
            return;
        }
        const bool block = is_block(name);
        if (block) out_.block();
        if (name == "div" && !rest_quoted_ && (attribute(n, "id") == "divRplyFwdMsg" || is_outlook_reply_header(n))) {
            rest_quoted_ = true;  // this division and all that follows
        }
        const bool quote = name == "blockquote" || (name == "div" && has_class(n, "gmail_quote"));
        const bool pre = name == "pre";
        depth_ += quote ? 1 : 0;
        pre_ += pre ? 1 : 0;
        sync_depth();
        nodes(n->children, level);
        depth_ -= quote ? 1 : 0;
        pre_ -= pre ? 1 : 0;
        if (block) out_.block();
        sync_depth();
        if (name == "td" || name == "th") out_.space();
    }

    void sync_depth() { out_.set_depth(depth_ + (rest_quoted_ ? 1 : 0)); }

    Writer& out_;
    int depth_ = 0;
    int pre_ = 0;
    bool rest_quoted_ = false;
};

}  // namespace

std::string html_to_text(std::string_view html_utf8) {
    // Invalid UTF-8 would make libxml2 report encoding errors on stderr.
    const std::string utf8 = is_valid_utf8(html_utf8) ? std::string(html_utf8) : to_utf8(html_utf8, "");
    if (utf8.empty()) return {};
    const int size = static_cast<int>(std::min<std::size_t>(utf8.size(), INT_MAX));
    // "UTF-8" fixes the encoding: a <meta charset> in the part is not
    // obeyed, the text was already converted.
    const std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
        utf8.data(), size, nullptr, "UTF-8", HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
    if (!doc) return {};
    Writer writer;
    Walker(writer).nodes(doc->children, 0);
    return writer.finish();
}

}  // namespace rsvp::mime
