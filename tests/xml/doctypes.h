/*
 * doctypes.h: the document types the XML round-trip test knows.
 *
 * Each type adapts one parser and formatter of src/conf to a common shape;
 * the directory tests/xml/<name>/ holds its data (see README.md).
 */
#pragma once

#include <stdbool.h>

/* The flags a test file asks for in its first-line directive. */
typedef struct {
    bool live;      /* parse=live: keep runtime state (ids, aliases) */
    bool validate;  /* parse=validate: reject what no parser consumed */
    bool inactive;  /* format=inactive */
    bool secure;    /* format=secure */
    bool migratable; /* format=migratable */
    bool updatecpu; /* format=update-cpu */
} virTestXMLFlags;

typedef struct {
    const char *name;
    void *(*parse)(const char *xml, const virTestXMLFlags *flags);
    char *(*format)(void *def, const virTestXMLFlags *flags);
    void (*free)(void *def);
} virTestDocType;

/* NULL-terminated. */
extern const virTestDocType virTestDocTypes[];
