/*
 * bench_xml_vireo.c: Vireo's side of the XML benchmark: parse and format
 * a domain document ITER times in-process with the configuration layer
 * (src/conf), the work upstream's defineXML + XMLDesc does.
 *
 * usage: bench_xml_vireo FILE ITER; prints "ns-per-iter N" and
 * "maxrss-kib N" (and, with BENCH_PRINT set, the formatted document on
 * stderr, which bench/run compares with upstream's).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/domain_conf.h"
#include "drivers/test/test_xmlopt.h"

#include "bench_util.h"

int
main(int argc, char **argv)
{
    g_autofree char *xml = NULL;
    gint64 start;
    long iter;
    long i;

    if (argc != 3 || !g_file_get_contents(argv[1], &xml, NULL, NULL))
        g_error("usage: %s FILE ITER", argv[0]);
    iter = strtol(argv[2], NULL, 10);
    start = g_get_monotonic_time();
    for (i = 0; i < iter; i++) {
        g_autoptr(virDomainDef) def = NULL;
        g_autofree char *out = NULL;

        def = virDomainDefParseString(xml, testDriverDomainXMLOption(),
                                      VIR_DOMAIN_DEF_PARSE_INACTIVE);
        if (!def || !(out = virDomainDefFormat(def, 0)))
            g_error("parse/format failed: %s",
                    virGetLastError() ? virGetLastError()->message : "?");
        if (i == 0 && g_getenv("BENCH_PRINT"))
            fputs(out, stderr);
    }
    printf("ns-per-iter %lld\n",
           (long long)(iter ? (g_get_monotonic_time() - start) * 1000 / iter
                              : 0));
    printf("maxrss-kib %ld\n", benchPeakRSS());
    return 0;
}
