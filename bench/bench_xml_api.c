/*
 * bench_xml_api.c: the XML benchmark through the public API: define the
 * document on test:///default, read its XML back and undefine it, ITER
 * times.  Built twice from this one source, against Vireo's libvirt.so
 * and against Debian's, so both sides do exactly the same calls.
 *
 * usage: bench_xml_api FILE ITER; prints "ns-per-iter N" and
 * "maxrss-kib N" (and, with BENCH_PRINT set, the document on stderr).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <libvirt/libvirt.h>

#include "bench_util.h"

int
main(int argc, char **argv)
{
    g_autofree char *xml = NULL;
    virConnectPtr conn;
    gint64 start;
    long iter;
    long i;

    if (argc != 3 || !g_file_get_contents(argv[1], &xml, NULL, NULL))
        g_error("usage: %s FILE ITER", argv[0]);
    iter = strtol(argv[2], NULL, 10);
    if (!(conn = virConnectOpen("test:///default")))
        return 1;
    start = g_get_monotonic_time();
    for (i = 0; i < iter; i++) {
        virDomainPtr dom = virDomainDefineXML(conn, xml);
        char *out;

        if (!dom || !(out = virDomainGetXMLDesc(dom, 0)))
            return 1;
        if (i == 0 && g_getenv("BENCH_PRINT"))
            fputs(out, stderr);
        free(out);
        virDomainUndefine(dom);
        virDomainFree(dom);
    }
    printf("ns-per-iter %lld\n",
           (long long)(iter ? (g_get_monotonic_time() - start) * 1000 / iter
                              : 0));
    printf("maxrss-kib %ld\n", benchPeakRSS());
    virConnectClose(conn);
    return 0;
}
