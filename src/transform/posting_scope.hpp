// Lines of a posting that give the work to someone else: "The merchant portal in C# and .NET is
// built by a separate team", "Email templates are out of scope". They ask nothing of the
// candidate, so their keywords are neither required nor nice to have (docs/matching.md).
#pragma once

#include <string_view>

namespace tailor::transform {

/// Whether the line says, in en, az, ru, tr or de, that another team or person does this work
/// or that it is outside the role.
bool assigned_elsewhere(std::string_view line);

}  // namespace tailor::transform
