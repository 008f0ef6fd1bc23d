#include "CAllocator.h"

// Any C library header defines __GLIBC__ when the library is glibc.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int beat_return_blocks_of_at_least(size_t bytes) {
#if defined(__GLIBC__)
    // glibc maps blocks above a threshold and unmaps them when freed, but it
    // raises the threshold to the size of each mapped block freed (up to 32 MB),
    // and the heap's trim threshold to twice that, after which blocks of that
    // size come from the heap and its freed pages stay in the process. Setting
    // the threshold fixes both; the trim threshold goes back to its default.
    return mallopt(M_MMAP_THRESHOLD, (int)bytes) && mallopt(M_TRIM_THRESHOLD, 128 * 1024);
#else
    (void)bytes;
    return 0;
#endif
}

int beat_release_free_memory(void) {
#if defined(__GLIBC__)
    // Gives back every whole free page of the heap, not only its top: after
    // many small blocks are freed the heap is full of holes the process keeps.
    return malloc_trim(0);
#else
    return 0;
#endif
}
