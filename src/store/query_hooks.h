// The query layer's hooks into the store's writes: keeping name keys and the
// search index in sync, and re-applying the clerk's follow-up after
// reextract. Called inside the store's open transaction; internal to src/store.
#pragma once

#include <cstdint>

#include <sqlite3.h>

#include "congvan/result.h"

namespace congvan {

// Registers congvan_fold(text) (the listing's lead order, the issuer
// filter) and sizes the page cache and memory map of the connection; called
// when the store opens, before its migrations.
void register_query_functions(sqlite3* db);

// Re-applies statuses and hand corrections stored by (document, item) to the
// document's freshly written tasks.
Status reapply_followup(sqlite3* db, int64_t document_id);

// Rewrites the document's name keys (task_bodies) and search rows.
Status index_document(sqlite3* db, int64_t document_id);

// Indexes the documents missing from the search index (stored before
// schema 3 made it): called by the migration, so upgraded databases search.
Status index_unindexed_documents(sqlite3* db);

}  // namespace congvan
