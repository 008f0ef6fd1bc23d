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
#endif
