/*
 * virobject.h: the reference-counted base every public object is built on.
 *
 * A virObject carries its class (a static descriptor naming the type and its
 * dispose function), an atomic reference count and, for lockable objects, a
 * mutex.  Entry points validate a caller's pointer by checking its class, so
 * a stale or foreign pointer is reported instead of dereferenced further.
 */
#pragma once

#include <glib.h>
#include <stdbool.h>

typedef struct _virClass virClass;
typedef struct _virObject virObject;

typedef void (*virObjectDisposeFunc)(void *obj);

struct _virClass {
    const char *name;
    const virClass *parent;
    size_t size;
    virObjectDisposeFunc dispose;
};

#define VIR_OBJECT_MAGIC 0xCAFE5A1Du

struct _virObject {
    unsigned int magic;
    gint refs;
    const virClass *klass;
    GRecMutex lock;
};

void *virObjectNew(const virClass *klass);
void *virObjectRef(void *obj);
/* Returns true while references remain, false once the object is freed. */
bool virObjectUnref(void *obj);
bool virObjectIsClass(const void *obj, const virClass *klass);
void virObjectLock(void *obj);
void virObjectUnlock(void *obj);
int virObjectRefCount(void *obj);

/* Unref that accepts any object pointer type, for g_autoptr cleanups. */
static inline void virObjectAutoUnref(void *obj) { if (obj) virObjectUnref(obj); }
