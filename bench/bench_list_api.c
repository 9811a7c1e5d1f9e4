/*
 * bench_list_api.c: the test driver at scale through the public API:
 * define N domains on test:///default, then time virConnectListAllDomains
 * (ITER times) and a lookup by name, by UUID and by id of each domain.
 * Built twice from this source, against Vireo and against Debian's
 * libvirt.
 *
 * usage: bench_list_api N ITER; prints "list-ns N", "lookup-ns N" (per
 * call) and "maxrss-kib N".
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
    virConnectPtr conn;
    long n;
    long iter;
    long i;
    gint64 start;
    gint64 listNs;
    gint64 lookupNs;
    int running = 0;

    if (argc != 3)
        g_error("usage: %s N ITER", argv[0]);
    n = strtol(argv[1], NULL, 10);
    iter = strtol(argv[2], NULL, 10);
    if (!(conn = virConnectOpen("test:///default")))
        return 1;
    for (i = 0; i < n; i++) {
        g_autofree char *xml = g_strdup_printf(
            "<domain type='test'><name>bench%ld</name>"
            "<uuid>00000000-0000-4000-8000-%012lx</uuid>"
            "<memory>65536</memory><os><type>hvm</type></os></domain>",
            i, i);
        virDomainPtr dom = virDomainDefineXML(conn, xml);

        if (!dom)
            return 1;
        /* Every other domain runs, so ids exist to look up. */
        if (i % 2 == 0 && virDomainCreate(dom) == 0)
            running++;
        virDomainFree(dom);
    }

    start = g_get_monotonic_time();
    for (i = 0; i < iter; i++) {
        virDomainPtr *doms = NULL;
        int count = virConnectListAllDomains(conn, &doms, 0);
        int j;

        if (count != n + 1)
            return 1;
        for (j = 0; j < count; j++)
            virDomainFree(doms[j]);
        free(doms);
    }
    listNs = iter ? (g_get_monotonic_time() - start) * 1000 / iter : 0;

    start = g_get_monotonic_time();
    for (i = 0; i < n; i++) {
        g_autofree char *name = g_strdup_printf("bench%ld", i);
        virDomainPtr dom = virDomainLookupByName(conn, name);
        unsigned char uuid[VIR_UUID_BUFLEN];
        virDomainPtr byUUID;

        if (!dom || virDomainGetUUID(dom, uuid) < 0 ||
            !(byUUID = virDomainLookupByUUID(conn, uuid)))
            return 1;
        if (virDomainGetID(dom) != (unsigned int)-1) {
            virDomainPtr byID = virDomainLookupByID(conn,
                                                    virDomainGetID(dom));

            if (!byID)
                return 1;
            virDomainFree(byID);
        }
        virDomainFree(byUUID);
        virDomainFree(dom);
    }
    lookupNs = n ? (g_get_monotonic_time() - start) * 1000 / (n * 2 + running)
                 : 0;

    printf("list-ns %lld\n", (long long)listNs);
    printf("lookup-ns %lld\n", (long long)lookupNs);
    printf("maxrss-kib %ld\n", benchPeakRSS());
    virConnectClose(conn);
    return 0;
}
