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
#endif
