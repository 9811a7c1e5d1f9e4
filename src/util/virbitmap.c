/*
 * virbitmap.c: sets of small non-negative integers kept as arrays of
 * 64-bit words, with the "0-3,^2,8" text form used by cpuset, nodeset and
 * vcpus attributes.
 */
#include "internal.h"
#include "util/virbitmap.h"
#include "util/virbuffer.h"

#define VIR_FROM_THIS VIR_FROM_NONE

#define VIR_BITMAP_WORD_BITS 64

struct _virBitmap {
    size_t nbits;   /* the bits the map holds */
    size_t nwords;  /* words allocated */
    guint64 *words;
};

static size_t
virBitmapWordsFor(size_t nbits)
{
    return (nbits + VIR_BITMAP_WORD_BITS - 1) / VIR_BITMAP_WORD_BITS;
}

virBitmap *
virBitmapNew(size_t size)
{
    virBitmap *map = g_new0(virBitmap, 1);

    map->nbits = size;
    map->nwords = virBitmapWordsFor(size);
    if (map->nwords)
        map->words = g_new0(guint64, map->nwords);
    return map;
}

void
virBitmapFree(virBitmap *map)
{
    if (!map)
        return;
    g_free(map->words);
    g_free(map);
}

virBitmap *
virBitmapCopy(const virBitmap *map)
{
    virBitmap *copy = virBitmapNew(map->nbits);

    if (map->nwords)
        memcpy(copy->words, map->words, map->nwords * sizeof(guint64));
    return copy;
}

size_t
virBitmapSize(const virBitmap *map)
{
    return map->nbits;
}

int
virBitmapSetBit(virBitmap *map, size_t bit)
{
    if (bit >= map->nbits)
        return -1;
    map->words[bit / VIR_BITMAP_WORD_BITS] |=
        (guint64)1 << (bit % VIR_BITMAP_WORD_BITS);
    return 0;
}

int
virBitmapClearBit(virBitmap *map, size_t bit)
{
    if (bit >= map->nbits)
        return -1;
    map->words[bit / VIR_BITMAP_WORD_BITS] &=
        ~((guint64)1 << (bit % VIR_BITMAP_WORD_BITS));
    return 0;
}

static void
virBitmapGrow(virBitmap *map, size_t nbits)
{
    size_t nwords = virBitmapWordsFor(nbits);

    if (nwords > map->nwords) {
        map->words = g_renew(guint64, map->words, nwords);
        memset(map->words + map->nwords, 0,
               (nwords - map->nwords) * sizeof(guint64));
        map->nwords = nwords;
    }
    map->nbits = nbits;
}

void
virBitmapSetBitExpand(virBitmap *map, size_t bit)
{
    if (bit >= map->nbits)
        virBitmapGrow(map, bit + 1);
    virBitmapSetBit(map, bit);
}

void
virBitmapClearBitExpand(virBitmap *map, size_t bit)
{
    if (bit >= map->nbits)
        virBitmapGrow(map, bit + 1);
    virBitmapClearBit(map, bit);
}

bool
virBitmapIsBitSet(const virBitmap *map, size_t bit)
{
    if (!map || bit >= map->nbits)
        return false;
    return (map->words[bit / VIR_BITMAP_WORD_BITS] >>
            (bit % VIR_BITMAP_WORD_BITS)) & 1;
}

void
virBitmapSetAll(virBitmap *map)
{
    size_t i;

    for (i = 0; i < map->nbits; i++)
        virBitmapSetBit(map, i);
}

void
virBitmapClearAll(virBitmap *map)
{
    if (map->nwords)
        memset(map->words, 0, map->nwords * sizeof(guint64));
}

bool
virBitmapIsAllSet(const virBitmap *map)
{
    size_t i;

    for (i = 0; i < map->nbits; i++) {
        if (!virBitmapIsBitSet(map, i))
            return false;
    }
    return true;
}

bool
virBitmapIsAllClear(const virBitmap *map)
{
    return virBitmapNextSetBit(map, -1) < 0;
}

bool
virBitmapEqual(const virBitmap *a, const virBitmap *b)
{
    ssize_t i = -1;

    if (!a || !b)
        return a == b;
    /* Equal as sets: the sizes may differ. */
    while ((i = virBitmapNextSetBit(a, i)) >= 0) {
        if (!virBitmapIsBitSet(b, i))
            return false;
    }
    return virBitmapCountBits(a) == virBitmapCountBits(b);
}

bool
virBitmapOverlaps(const virBitmap *a, const virBitmap *b)
{
    ssize_t i = -1;

    while ((i = virBitmapNextSetBit(a, i)) >= 0) {
        if (virBitmapIsBitSet(b, i))
            return true;
    }
    return false;
}

ssize_t
virBitmapNextSetBit(const virBitmap *map, ssize_t pos)
{
    size_t i;

    if (!map)
        return -1;
    for (i = pos < 0 ? 0 : pos + 1; i < map->nbits; i++) {
        if (virBitmapIsBitSet(map, i))
            return i;
    }
    return -1;
}

ssize_t
virBitmapLastSetBit(const virBitmap *map)
{
    size_t i;

    if (!map)
        return -1;
    for (i = map->nbits; i > 0; i--) {
        if (virBitmapIsBitSet(map, i - 1))
            return i - 1;
    }
    return -1;
}

size_t
virBitmapCountBits(const virBitmap *map)
{
    size_t i;
    size_t n = 0;

    if (!map)
        return 0;
    for (i = 0; i < map->nwords; i++)
        n += __builtin_popcountll(map->words[i]);
    return n;
}

static void
virBitmapSkipSpaces(const char **cur)
{
    while (g_ascii_isspace(**cur))
        (*cur)++;
}

/* Reads one non-negative decimal number at *cur. */
static int
virBitmapParseNumber(const char **cur, size_t *result)
{
    char *end;
    guint64 val;

    if (!g_ascii_isdigit(**cur))
        return -1;
    errno = 0;
    val = g_ascii_strtoull(*cur, &end, 10);
    if (errno || val > G_MAXINT)
        return -1;
    *cur = end;
    *result = val;
    return 0;
}

static int
virBitmapApply(virBitmap *map, size_t bit, bool set, bool limited)
{
    if (limited)
        return set ? virBitmapSetBit(map, bit) : virBitmapClearBit(map, bit);
    if (bit >= VIR_BITMAP_UNLIMITED_MAX)
        return -1;
    if (set)
        virBitmapSetBitExpand(map, bit);
    else
        virBitmapClearBitExpand(map, bit);
    return 0;
}

/* The items are applied in order, so "^N" removes N from what the items
 * before it added. */
static int
virBitmapParseItems(const char *str, virBitmap *map, bool limited)
{
    const char *cur = str;

    virBitmapSkipSpaces(&cur);
    if (!*cur)
        return -1;

    while (*cur) {
        bool neg = false;
        size_t first;
        size_t last;
        size_t i;

        if (*cur == '^') {
            neg = true;
            cur++;
        }
        if (virBitmapParseNumber(&cur, &first) < 0)
            return -1;
        virBitmapSkipSpaces(&cur);

        if (*cur == '-') {
            if (neg)
                return -1;
            cur++;
            virBitmapSkipSpaces(&cur);
            if (virBitmapParseNumber(&cur, &last) < 0 || last < first)
                return -1;
            for (i = first; i <= last; i++) {
                if (virBitmapApply(map, i, true, limited) < 0)
                    return -1;
            }
            virBitmapSkipSpaces(&cur);
        } else if (*cur == ',' || !*cur) {
            if (virBitmapApply(map, first, !neg, limited) < 0)
                return -1;
        }

        if (*cur == ',') {
            cur++;
            virBitmapSkipSpaces(&cur);
        } else if (*cur) {
            return -1;
        }
    }
    return 0;
}

int
virBitmapParse(const char *str, virBitmap **map, size_t size)
{
    g_autoptr(virBitmap) tmp = virBitmapNew(size);

    if (!str || virBitmapParseItems(str, tmp, true) < 0) {
        virReportError(VIR_ERR_INVALID_ARG, "Failed to parse bitmap '%s'",
                       NULLSTR(str));
        return -1;
    }
    *map = g_steal_pointer(&tmp);
    return 0;
}

virBitmap *
virBitmapParseUnlimited(const char *str)
{
    g_autoptr(virBitmap) tmp = virBitmapNew(0);

    if (!str || virBitmapParseItems(str, tmp, false) < 0) {
        virReportError(VIR_ERR_INVALID_ARG, "Failed to parse bitmap '%s'",
                       NULLSTR(str));
        return NULL;
    }
    return g_steal_pointer(&tmp);
}

char *
virBitmapFormat(const virBitmap *map)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    ssize_t start;
    ssize_t prev;
    ssize_t cur;

    start = virBitmapNextSetBit(map, -1);
    if (start < 0)
        return g_strdup("");

    prev = start;
    while (start >= 0) {
        cur = virBitmapNextSetBit(map, prev);
        if (cur >= 0 && cur == prev + 1) {
            prev = cur;
            continue;
        }
        if (virBufferUse(&buf) > 0)
            virBufferAddLit(&buf, ",");
        if (prev == start)
            virBufferAsprintf(&buf, "%zd", start);
        else
            virBufferAsprintf(&buf, "%zd-%zd", start, prev);
        start = prev = cur;
    }
    return virBufferContentAndReset(&buf);
}

virBitmap *
virBitmapNewData(const unsigned char *data, size_t len)
{
    virBitmap *map = virBitmapNew(len * 8);
    size_t i;

    for (i = 0; i < len * 8; i++) {
        if (data[i / 8] & (1 << (i % 8)))
            virBitmapSetBit(map, i);
    }
    return map;
}

void
virBitmapToDataBuf(const virBitmap *map, unsigned char *data, size_t len)
{
    ssize_t bit = -1;

    memset(data, 0, len);
    while ((bit = virBitmapNextSetBit(map, bit)) >= 0 &&
           (size_t)bit < len * 8)
        data[bit / 8] |= 1 << (bit % 8);
}
