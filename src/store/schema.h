// The database schema as numbered migrations: migration N takes a database
// from user_version N to N+1. Append new migrations; never edit old ones.
#pragma once

#include <string_view>
#include <vector>

namespace congvan {

const std::vector<std::string_view>& schema_migrations();

}  // namespace congvan
