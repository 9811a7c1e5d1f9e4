/*
 * test_storage_vol.c: the content of the test driver's volumes and the
 * volume I/O slots: upload and download through in-memory streams, wipe
 * and resize.
 *
 * Upstream's test driver has none of these; they follow the API's
 * documentation and the storage driver's checks and messages.  The bytes
 * live in memory per volume (see below), under the storage lock.
 */
#include "test_storage_priv.h"
#include "test_stream.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* ---- Volume content ----
 *
 * What was uploaded to a volume is kept in blocks of TEST_VOL_BLOCK bytes
 * (a hash table: block index -> block); a block never written, or wiped,
 * reads as zeros and takes no space, as in a sparse file. */
#define TEST_VOL_BLOCK 4096ULL

void
testVolDataFree(void *opaque)
{
    g_hash_table_unref(opaque);
}

static GHashTable *
testVolBlocks(testPool *pool, const char *name, bool create)
{
    GHashTable *blocks = g_hash_table_lookup(pool->volData, name);

    if (!blocks && create) {
        blocks = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                       g_free);
        g_hash_table_insert(pool->volData, g_strdup(name), blocks);
    }
    return blocks;
}

static void
testVolWrite(GHashTable *blocks, unsigned long long off, const char *data,
             unsigned long long len)
{
    while (len > 0) {
        gint64 idx = off / TEST_VOL_BLOCK;
        unsigned long long in = off % TEST_VOL_BLOCK;
        unsigned long long n = MIN(len, TEST_VOL_BLOCK - in);
        char *block = g_hash_table_lookup(blocks, &idx);

        if (!block) {
            block = g_malloc0(TEST_VOL_BLOCK);
            g_hash_table_insert(blocks, g_memdup2(&idx, sizeof(idx)), block);
        }
        memcpy(block + in, data, n);
        data += n;
        off += n;
        len -= n;
    }
}

/* Zeros [off, off + len): blocks inside go away, the edges are cleared. */
static void
testVolZero(GHashTable *blocks, unsigned long long off, unsigned long long len)
{
    unsigned long long end = len > ULLONG_MAX - off ? ULLONG_MAX : off + len;
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init(&iter, blocks);
    while (g_hash_table_iter_next(&iter, &key, &value)) {
        unsigned long long start = *(gint64 *)key * TEST_VOL_BLOCK;
        unsigned long long from = MAX(start, off);
        unsigned long long to = MIN(start + TEST_VOL_BLOCK, end);

        if (from >= to)
            continue;
        if (to - from == TEST_VOL_BLOCK)
            g_hash_table_iter_remove(&iter);
        else
            memset((char *)value + (from - start), 0, to - from);
    }
}

static gint
testVolCompareIdx(gconstpointer a, gconstpointer b)
{
    gint64 x = *(const gint64 *)a;
    gint64 y = *(const gint64 *)b;

    return x < y ? -1 : x > y;
}

/* Appends [off, off + len) to chunks: written blocks as data, the rest
 * as holes. */
static void
testVolRead(GHashTable *blocks, unsigned long long off, unsigned long long len,
            GArray *chunks)
{
    g_autoptr(GArray) present = g_array_new(FALSE, FALSE, sizeof(gint64));
    unsigned long long end = off + len;
    size_t i;

    if (blocks) {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init(&iter, blocks);
        while (g_hash_table_iter_next(&iter, &key, NULL)) {
            unsigned long long start = *(gint64 *)key * TEST_VOL_BLOCK;

            if (start < end && start + TEST_VOL_BLOCK > off)
                g_array_append_val(present, *(gint64 *)key);
        }
        g_array_sort(present, testVolCompareIdx);
    }
    for (i = 0; i < present->len; i++) {
        gint64 idx = g_array_index(present, gint64, i);
        unsigned long long start = idx * TEST_VOL_BLOCK;
        unsigned long long from = MAX(start, off);
        unsigned long long to = MIN(start + TEST_VOL_BLOCK, end);
        const char *block = g_hash_table_lookup(blocks, &idx);

        testStreamChunksAddHole(chunks, from - off);
        testStreamChunksAddData(chunks, block + (from - start), to - from);
        off = to;
    }
    testStreamChunksAddHole(chunks, end - off);
}

/* Charges newly written blocks to the volume and its pool: a volume
 * takes at least the space its written blocks need (up to capacity). */
static void
testVolUpdateAllocation(testPool *pool, virStorageVolDef *vol)
{
    GHashTable *blocks = testVolBlocks(pool, vol->name, false);
    unsigned long long used;

    if (!blocks)
        return;
    used = MIN(vol->capacity, g_hash_table_size(blocks) * TEST_VOL_BLOCK);
    if (used <= vol->allocation)
        return;
    pool->def->allocation += used - vol->allocation;
    pool->def->available = pool->def->capacity > pool->def->allocation ?
                           pool->def->capacity - pool->def->allocation : 0;
    vol->allocation = used;
}

/* A clone starts with its source's content, up to its own capacity. */
void
testVolCopyData(testPool *pool, const char *from, virStorageVolDef *to)
{
    GHashTable *src = testVolBlocks(pool, from, false);
    GHashTable *dst;
    GHashTableIter iter;
    gpointer key, value;

    if (!src)
        return;
    dst = testVolBlocks(pool, to->name, true);
    g_hash_table_iter_init(&iter, src);
    while (g_hash_table_iter_next(&iter, &key, &value)) {
        unsigned long long start = *(gint64 *)key * TEST_VOL_BLOCK;

        if (start < to->capacity)
            testVolWrite(dst, start, value,
                         MIN(TEST_VOL_BLOCK, to->capacity - start));
    }
    testVolUpdateAllocation(pool, to);
}

/* ---- Volume I/O: upload, download, wipe, resize ---- */

/* The upload of a stream, applied when the application finishes it. */
typedef struct _testVolUpload testVolUpload;
struct _testVolUpload {
    testDriver *driver;     /* referenced */
    char *pool;
    char *vol;
    char *key;              /* the volume at the time of the upload */
    unsigned long long offset;
};

static void
testVolUploadFree(void *opaque)
{
    testVolUpload *up = opaque;

    virObjectUnref(up->driver);
    g_free(up->pool);
    g_free(up->vol);
    g_free(up->key);
    g_free(up);
}

static int
testVolUploadCommit(GArray *chunks, void *opaque)
{
    testVolUpload *up = opaque;
    testStorageState *st = up->driver->storage;
    TEST_OBJLIST_LOCK(st->pools);
    testPool *pool = testPoolFindActive(st, up->pool);
    virStorageVolDef *vol;
    unsigned long long off = up->offset;
    GHashTable *blocks;
    size_t i;

    if (!pool || !(vol = testVolFind(pool, up->vol)))
        return -1;
    /* Deleted and created again while the stream was open. */
    if (STRNEQ(vol->key, up->key)) {
        virReportError(VIR_ERR_NO_STORAGE_VOL,
                       "no storage vol with matching name '%s'", up->vol);
        return -1;
    }
    blocks = testVolBlocks(pool, vol->name, true);
    for (i = 0; i < chunks->len; i++) {
        testStreamChunk *chunk = &g_array_index(chunks, testStreamChunk, i);

        /* A resize may have shrunk the volume meanwhile. */
        unsigned long long room = off < vol->capacity ?
                                  vol->capacity - off : 0;
        unsigned long long n = MIN(chunk->len, room);

        if (chunk->data)
            testVolWrite(blocks, off, chunk->data, n);
        else
            testVolZero(blocks, off, n);
        off += chunk->len;
    }
    testVolUpdateAllocation(pool, vol);
    return 0;
}

int
testStorageVolUpload(virStorageVolPtr obj, virStreamPtr stream,
                     unsigned long long offset, unsigned long long length,
                     unsigned int flags)
{
    testVolUpload *up;
    unsigned long long limit;

    virCheckFlags(VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM, -1);
    {
        TEST_STORAGE_LOCK(obj->conn);
        testPool *pool = testPoolFindActive(st, obj->pool);
        virStorageVolDef *vol;

        if (!pool || !(vol = testVolFind(pool, obj->name)))
            return -1;
        if (offset > vol->capacity ||
            length > vol->capacity - offset) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "offset %llu and length %llu exceed the capacity "
                           "%llu of volume '%s'",
                           offset, length, vol->capacity, vol->name);
            return -1;
        }
        /* Without a length, the volume's end is the limit. */
        limit = length ? length : vol->capacity - offset;
        up = g_new0(testVolUpload, 1);
        up->driver = virObjectRef(driver);
        up->pool = g_strdup(pool->def->name);
        up->vol = g_strdup(vol->name);
        up->key = g_strdup(vol->key);
        up->offset = offset;
    }
    return testStreamOpenSink(stream, limit,
                              flags & VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM,
                              testVolUploadCommit, up, testVolUploadFree);
}

int
testStorageVolDownload(virStorageVolPtr obj, virStreamPtr stream,
                       unsigned long long offset, unsigned long long length,
                       unsigned int flags)
{
    g_autoptr(GArray) chunks = testStreamChunksNew();

    virCheckFlags(VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM, -1);
    {
        TEST_STORAGE_LOCK(obj->conn);
        testPool *pool = testPoolFindActive(st, obj->pool);
        virStorageVolDef *vol;
        unsigned long long avail;

        if (!pool || !(vol = testVolFind(pool, obj->name)))
            return -1;
        /* Reading past the end gives nothing, as reading a file does. */
        avail = offset < vol->capacity ? vol->capacity - offset : 0;
        if (length == 0 || length > avail)
            length = avail;
        if (length > LLONG_MAX)
            length = LLONG_MAX;
        testVolRead(testVolBlocks(pool, vol->name, false), offset, length,
                    chunks);
    }
    if (flags & VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM)
        return testStreamOpenSource(stream, &chunks, TEST_STREAM_HOLES_SPARSE);
    return testStreamOpenSource(stream, &chunks, TEST_STREAM_HOLES_AS_ZEROS);
}

int
testStorageVolWipePattern(virStorageVolPtr obj, unsigned int algorithm,
                          unsigned int flags)
{
    virCheckFlags(0, -1);

    if (algorithm >= VIR_STORAGE_VOL_WIPE_ALG_LAST) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "wiping algorithm %d not supported", algorithm);
        return -1;
    }
    {
        TEST_STORAGE_LOCK(obj->conn);
        testPool *pool = testPoolFindActive(st, obj->pool);
        virStorageVolDef *vol;

        if (!pool || !(vol = testVolFind(pool, obj->name)))
            return -1;
        /* Whatever the pattern, what remains reads as zeros. */
        g_hash_table_remove(pool->volData, vol->name);
        return 0;
    }
}

int
testStorageVolWipe(virStorageVolPtr obj, unsigned int flags)
{
    return testStorageVolWipePattern(obj, VIR_STORAGE_VOL_WIPE_ALG_ZERO,
                                     flags);
}

int
testStorageVolResize(virStorageVolPtr obj, unsigned long long capacity,
                     unsigned int flags)
{
    virCheckFlags(VIR_STORAGE_VOL_RESIZE_ALLOCATE |
                  VIR_STORAGE_VOL_RESIZE_DELTA |
                  VIR_STORAGE_VOL_RESIZE_SHRINK, -1);
    {
        TEST_STORAGE_LOCK(obj->conn);
        testPool *pool = testPoolFindActive(st, obj->pool);
        virStorageVolDef *vol;
        unsigned long long newCap;
        unsigned long long delta = 0;
        GHashTable *blocks;

        if (!pool || !(vol = testVolFind(pool, obj->name)))
            return -1;
        if (!(flags & VIR_STORAGE_VOL_RESIZE_DELTA))
            newCap = capacity;
        else if (flags & VIR_STORAGE_VOL_RESIZE_SHRINK)
            newCap = vol->capacity - MIN(capacity, vol->capacity);
        else if (capacity > ULLONG_MAX - vol->capacity)
            newCap = ULLONG_MAX;
        else
            newCap = vol->capacity + capacity;

        if (newCap < vol->allocation) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "can't shrink capacity below existing allocation");
            return -1;
        }
        if (newCap < vol->capacity &&
            !(flags & VIR_STORAGE_VOL_RESIZE_SHRINK)) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "Can't shrink capacity below current capacity "
                           "unless shrink flag explicitly specified");
            return -1;
        }
        if (flags & VIR_STORAGE_VOL_RESIZE_ALLOCATE)
            delta = newCap - vol->allocation;
        if (delta > pool->def->available) {
            virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                           "Not enough space left in storage pool");
            return -1;
        }

        /* What lay beyond the new end is gone: growing again gives
         * zeros, as the API promises. */
        if (newCap < vol->capacity &&
            (blocks = testVolBlocks(pool, vol->name, false)))
            testVolZero(blocks, newCap, vol->capacity - newCap);
        vol->capacity = newCap;
        if (flags & VIR_STORAGE_VOL_RESIZE_ALLOCATE) {
            vol->allocation = newCap;
            pool->def->allocation += delta;
            pool->def->available -= delta;
        }
        return 0;
    }
}
