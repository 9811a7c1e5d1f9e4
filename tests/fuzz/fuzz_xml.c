/*
 * fuzz_xml.c: a libFuzzer target for one document type's parser.
 *
 * Built once per type with FUZZ_DOCTYPE naming it (tests/fuzz/meson.build).
 * Each input is parsed; a definition that parses is formatted, and the
 * formatted document must be well-formed XML (and, with
 * FUZZ_STRICT_ROUNDTRIP set, parse again).  Crashes, leaks and undefined behaviour are
 * caught by the sanitizers the target is built with.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../xml/doctypes.h"
#include "internal.h"

static const virTestDocType *fuzzType;

static void
fuzzQuietErrors(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc G_GNUC_UNUSED, char ***argv G_GNUC_UNUSED)
{
    size_t i;

    for (i = 0; virTestDocTypes[i].name; i++) {
        if (g_str_equal(virTestDocTypes[i].name, FUZZ_DOCTYPE))
            fuzzType = &virTestDocTypes[i];
    }
    if (!fuzzType)
        g_error("unknown document type %s", FUZZ_DOCTYPE);
    virSetErrorFunc(NULL, fuzzQuietErrors);
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *xml = g_strndup((const char *)data, size);
    virTestXMLFlags flags = {0};
    g_autofree char *out = NULL;
    void *def;

    /* The first byte picks the parse and format flags, so every
     * combination is explored. */
    if (size > 0) {
        flags.live = data[0] & 1;
        flags.validate = data[0] & 2;
        flags.inactive = data[0] & 4;
        flags.secure = data[0] & 8;
        flags.migratable = data[0] & 16;
    }
    if (!(def = fuzzType->parse(xml, &flags))) {
        virResetLastError();
        return 0;
    }
    out = fuzzType->format(def, &flags);
    fuzzType->free(def);
    if (out) {
        /* Validation may reject what the formatter keeps for live state
         * only; the plain parse must accept it. */
        flags.validate = false;
        if (!(def = fuzzType->parse(out, &flags))) {
            virErrorPtr err = virGetLastError();

            /* Ill-formed XML from a formatter is always a bug.  A value
             * the parser refuses to read back also happens upstream for
             * a few inputs it accepts (negative owner ids, empty
             * bandwidth), so that is fatal only when asked for. */
            if ((err && err->code == VIR_ERR_XML_DETAIL) ||
                g_getenv("FUZZ_STRICT_ROUNDTRIP")) {
                fprintf(stderr, "formatted output does not parse again: "
                        "%s\n%s", err ? err->message : "?", out);
                abort();
            }
        }
        fuzzType->free(def);
    }
    virResetLastError();
    return 0;
}
