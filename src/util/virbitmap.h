/*
 * virbitmap.h: sets of small non-negative integers (host CPUs, NUMA nodes,
 * vCPUs) and their textual form, a list of numbers and ranges such as
 * "0-3,^2,8", read and written as upstream libvirt does.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

typedef struct _virBitmap virBitmap;

/* An empty set able to hold bits 0..size-1 (size 0 is allowed: such a map
 * only grows through the Expand calls). */
virBitmap *virBitmapNew(size_t size);
void virBitmapFree(virBitmap *map);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virBitmap, virBitmapFree);

virBitmap *virBitmapCopy(const virBitmap *map);
size_t virBitmapSize(const virBitmap *map);

/* -1 when bit is beyond the size. */
int virBitmapSetBit(virBitmap *map, size_t bit);
int virBitmapClearBit(virBitmap *map, size_t bit);
/* Grow the map when needed. */
void virBitmapSetBitExpand(virBitmap *map, size_t bit);
void virBitmapClearBitExpand(virBitmap *map, size_t bit);
bool virBitmapIsBitSet(const virBitmap *map, size_t bit);

void virBitmapSetAll(virBitmap *map);
void virBitmapClearAll(virBitmap *map);
bool virBitmapIsAllSet(const virBitmap *map);
bool virBitmapIsAllClear(const virBitmap *map);
bool virBitmapEqual(const virBitmap *a, const virBitmap *b);
/* True when a and b have a bit in common. */
bool virBitmapOverlaps(const virBitmap *a, const virBitmap *b);

/* The first set bit after pos (pos -1 starts at 0), or -1. */
ssize_t virBitmapNextSetBit(const virBitmap *map, ssize_t pos);
/* The highest set bit, or -1. */
ssize_t virBitmapLastSetBit(const virBitmap *map);
size_t virBitmapCountBits(const virBitmap *map);

/* Parses "N", "N-M" and "^N" items separated by commas (spaces around
 * them allowed) into a map of size bits; any bit at or beyond size, and
 * any malformed text, is reported as VIR_ERR_INVALID_ARG
 * "Failed to parse bitmap '%s'". */
int virBitmapParse(const char *str, virBitmap **map, size_t size);
/* The same with no upper bound but a sanity one: a hostile "0-2000000000"
 * must not take memory and time without end. */
#define VIR_BITMAP_UNLIMITED_MAX (1U << 20)
virBitmap *virBitmapParseUnlimited(const char *str);

/* The set as ranges, "0-3,5"; "" for an empty set. */
char *virBitmapFormat(const virBitmap *map);

/* The byte maps of the API (CPU maps: bit 0 of byte 0 first). */
/* A map of len * 8 bits, set as data's bits are. */
virBitmap *virBitmapNewData(const unsigned char *data, size_t len);
/* Writes map into the len bytes at data (bits beyond len * 8 dropped). */
void virBitmapToDataBuf(const virBitmap *map, unsigned char *data,
                        size_t len);
