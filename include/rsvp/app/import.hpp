// Recording messages from files: the same pipeline as a sync.
#pragma once

#include <filesystem>
#include <vector>

#include "rsvp/app/counts.hpp"
#include "rsvp/store/store.hpp"

namespace rsvp::app {

// Imports .eml files and directories of them (recursively, sorted by name).
// Throws rsvp::Error(input) if a path cannot be read.
IngestCounts import_paths(store::Store& store, const std::vector<std::filesystem::path>& paths);

}  // namespace rsvp::app
