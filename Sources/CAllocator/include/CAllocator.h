#ifndef BEAT_C_ALLOCATOR_H
#define BEAT_C_ALLOCATOR_H

#include <stddef.h>

/// Makes every heap block of at least `bytes` a mapping of its own, given back
/// to the system when freed, and keeps the allocator from raising that bound.
/// Returns 1 when applied, 0 when the C library has no such setting (it then
/// already behaves so, as macOS's allocator does for large blocks).
int beat_return_blocks_of_at_least(size_t bytes);

/// Gives the system back the free pages inside the heap (after many small
/// blocks were freed). Returns 1 when memory was released, 0 otherwise or
/// when the C library has no such call.
int beat_release_free_memory(void);

#endif
