// The CSV export of a survey's responses (RFC 4180, UTF-8, CRLF line ends):
// one row per response, one column per question, except multiple choice,
// which gets one 0/1 column per option ("Fråga: Alternativ"). The first two
// columns are the response's reference and submission time (RFC 3339).
//
// Spreadsheet safety (OWASP "CSV injection"): a text cell that begins with
// '=', '+', '-', '@', a tab or a carriage return is prefixed with an
// apostrophe, so Excel and LibreOffice show it instead of running it.
// Numbers we format ourselves are written as they are.
//
// Thread-safety: pure functions.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "surveys/survey.h"
#include "surveys/survey_store.h"

namespace nyttig::surveys {

// A text cell: formula-guarded and quoted when it holds ',', '"', CR or LF.
std::string CsvTextCell(std::string_view text);

// The reference shown on a receipt: "<year>-<id, at least 5 digits>".
std::string ResponseReference(ResponseId id, UnixSeconds submitted_at);

void WriteResponsesCsv(const Survey& survey, const std::vector<StoredResponse>& responses,
                       std::string_view language, std::ostream& out);

}  // namespace nyttig::surveys
