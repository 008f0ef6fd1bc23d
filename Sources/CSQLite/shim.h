#ifndef BEAT_CSQLITE_SHIM_H
#define BEAT_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot
// import; this makes SQLite copy bound text before the call returns.
static inline sqlite3_destructor_type beat_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

// sqlite3_db_config is variadic, which Swift cannot call directly.
static inline int beat_sqlite_enable_defensive(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
}
// sqlite3_config is variadic too. Memory statistics take a global mutex on
// every allocation; Beat never reads them, so they are turned off before the
// library initialises. Must run before the first connection opens.
static inline int beat_sqlite_configure(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

// beat_tally(x) returns x and counts the call in the sqlite3_int64 its registration
// points at. Wrapped around a ranked page's sort key, which SQLite computes once for
// every row that passes the WHERE clause, it counts the matches in the same pass that
// ranks them, so the page's total needs no second query.
static void beat_tally_step(sqlite3_context *context, int argc, sqlite3_value **argv) {
    (void)argc;
    sqlite3_int64 *count = (sqlite3_int64 *)sqlite3_user_data(context);
    *count += 1;
    sqlite3_result_value(context, argv[0]);
}

// Not SQLITE_DETERMINISTIC: each call must run. SQLITE_DIRECTONLY: never from a
// trigger or view a database file could carry.
static inline int beat_sqlite_register_tally(sqlite3 *db, sqlite3_int64 *count) {
    return sqlite3_create_function_v2(db, "beat_tally", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, count, beat_tally_step,
                                      (void *)0, (void *)0, (void *)0);
}
// beat_bm25_per_idf(fts, w0, w1, ...) is FTS5's bm25(fts, w0, w1, ...) for a query of one
// phrase, divided by the phrase's IDF: the same arithmetic on the same statistics, without
// the factor bm25 multiplies last. bm25 counts the phrase's rows in the whole index for that
// factor, once in every statement; a ranked page read in two halves did that count twice,
// and the factor orders nothing when the query has one phrase. The caller counts it once
// (split between the halves) and multiplies: IDF * beat_bm25_per_idf == bm25, bit for bit.
// The table's row count as FTS5 keeps it (the IDF's N) goes to the sqlite3_int64 registered with it.
typedef struct BeatBM25Statistics {
    double averageLength;
} BeatBM25Statistics;

static void beat_bm25_per_idf_step(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int argc,
                                   sqlite3_value **argv) {
    const double k1 = 1.2; // bm25's constants, as FTS5 sets them
    const double b = 0.75;
    if (api->xPhraseCount(fts) != 1) {
        sqlite3_result_error(context, "beat_bm25_per_idf ranks a query of one phrase only", -1);
        return;
    }
    int rc = SQLITE_OK;
    BeatBM25Statistics *statistics = (BeatBM25Statistics *)api->xGetAuxdata(fts, 0);
    if (statistics == 0) {
        sqlite3_int64 rows = 0, tokens = 0;
        rc = api->xRowCount(fts, &rows);
        if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
        if (rc == SQLITE_OK) {
            statistics = (BeatBM25Statistics *)sqlite3_malloc(sizeof(BeatBM25Statistics));
            if (statistics == 0) rc = SQLITE_NOMEM;
        }
        if (rc == SQLITE_OK) {
            statistics->averageLength = (double)tokens / (double)rows;
            // On failure xSetAuxdata frees what it was given.
            rc = api->xSetAuxdata(fts, statistics, sqlite3_free);
        }
        if (rc == SQLITE_OK) *(sqlite3_int64 *)api->xUserData(fts) = rows;
    }
    double frequency = 0.0;
    int instances = 0;
    if (rc == SQLITE_OK) rc = api->xInstCount(fts, &instances);
    for (int i = 0; rc == SQLITE_OK && i < instances; i++) {
        int phrase = 0, column = 0, offset = 0;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK) frequency += (argc > column) ? sqlite3_value_double(argv[column]) : 1.0;
    }
    double length = 0.0;
    if (rc == SQLITE_OK) {
        int tokens = 0;
        rc = api->xColumnSize(fts, -1, &tokens);
        length = (double)tokens;
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    // bm25's expression, term for term, so that the rounding is the same.
    double perIDF = (frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b + b * length / statistics->averageLength));
    sqlite3_result_double(context, -1.0 * perIDF);
}

// Registers beat_bm25_per_idf through the fts5_api pointer FTS5 hands to `SELECT fts5(?1)`.
static inline int beat_sqlite_register_bm25_per_idf(sqlite3 *db, sqlite3_int64 *rows) {
    fts5_api *fts5 = 0;
    sqlite3_stmt *statement = 0;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, 0);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_pointer(statement, 1, (void *)&fts5, "fts5_api_ptr", 0);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
    if (rc != SQLITE_OK) return rc;
    if (fts5 == 0 || fts5->iVersion < 2) return SQLITE_ERROR;
    return fts5->xCreateFunction(fts5, "beat_bm25_per_idf", rows, beat_bm25_per_idf_step, 0);
}
#endif
