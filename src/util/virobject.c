/*
 * virobject.c: reference counting and class checks for public objects.
 *
 * Freed objects get their magic cleared before the memory is released, so a
 * use-after-free through the public API is more likely to be reported as an
 * invalid pointer than to corrupt the heap silently.
 */
#include "virobject.h"

void *
virObjectNew(const virClass *klass)
{
    virObject *obj = g_malloc0(klass->size);

    obj->magic = VIR_OBJECT_MAGIC;
    obj->refs = 1;
    obj->klass = klass;
    /* The lock is left zeroed, as a static GRecMutex is: GLib sets it up
     * on first use, so the many objects never locked (a domain handle per
     * listed domain) cost no mutex. */
    return obj;
}

void *
virObjectRef(void *anyobj)
{
    virObject *obj = anyobj;

    if (!obj)
        return NULL;
    g_atomic_int_inc(&obj->refs);
    return obj;
}

bool
virObjectUnref(void *anyobj)
{
    virObject *obj = anyobj;
    const virClass *klass;

    if (!obj)
        return false;
    if (!g_atomic_int_dec_and_test(&obj->refs))
        return true;

    for (klass = obj->klass; klass; klass = klass->parent) {
        if (klass->dispose)
            klass->dispose(obj);
    }
    if (obj->lock.p)
        g_rec_mutex_clear(&obj->lock);
    obj->magic = 0;
    obj->klass = NULL;
    g_free(obj);
    return false;
}

bool
virObjectIsClass(const void *anyobj, const virClass *klass)
{
    const virObject *obj = anyobj;
    const virClass *k;

    if (!obj || obj->magic != VIR_OBJECT_MAGIC)
        return false;
    for (k = obj->klass; k; k = k->parent) {
        if (k == klass)
            return true;
    }
    return false;
}

void
virObjectLock(void *anyobj)
{
    g_rec_mutex_lock(&((virObject *)anyobj)->lock);
}

void
virObjectUnlock(void *anyobj)
{
    g_rec_mutex_unlock(&((virObject *)anyobj)->lock);
}

int
virObjectRefCount(void *anyobj)
{
    return g_atomic_int_get(&((virObject *)anyobj)->refs);
}
