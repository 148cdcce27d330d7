/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-context.h"

/*
 * The one object handed to every view: the open database (which changes when the user
 * opens another file) and the clock. Views watch notify::store to follow a database switch
 * and JxStore::changed to follow edits.
 */

struct _JxContext {
  GObject  parent_instance;
  JxStore *store;
  JxClock *clock;
};

G_DEFINE_FINAL_TYPE (JxContext, jx_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

JxContext *
jx_context_new (JxClock *clock)
{
  g_return_val_if_fail (JX_IS_CLOCK (clock), NULL);

  return g_object_new (JX_TYPE_CONTEXT, "clock", clock, NULL);
}

/* The open database, or %NULL when none is open. */
JxStore *
jx_context_get_store (JxContext *self)
{
  g_return_val_if_fail (JX_IS_CONTEXT (self), NULL);

  return self->store;
}

void
jx_context_set_store (JxContext *self,
                      JxStore   *store)
{
  g_return_if_fail (JX_IS_CONTEXT (self));
  g_return_if_fail (store == NULL || JX_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

JxClock *
jx_context_get_clock (JxContext *self)
{
  g_return_val_if_fail (JX_IS_CONTEXT (self), NULL);

  return self->clock;
}

void
jx_context_get_today (JxContext *self,
                      GDate     *today)
{
  g_return_if_fail (JX_IS_CONTEXT (self));

  jx_clock_get_today (self->clock, today);
}

/* The database's currency code, "CNY" when no database is open. */
char *
jx_context_dup_currency (JxContext *self)
{
  char *currency = NULL;

  g_return_val_if_fail (JX_IS_CONTEXT (self), NULL);

  if (self->store != NULL)
    currency = jx_store_get_setting (self->store, "currency");
  return currency != NULL ? currency : g_strdup ("CNY");
}

static void
jx_context_dispose (GObject *object)
{
  JxContext *self = JX_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->clock);
  G_OBJECT_CLASS (jx_context_parent_class)->dispose (object);
}

static void
jx_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JxContext *self = JX_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  JxContext *self = JX_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      jx_context_set_store (self, g_value_get_object (value));
      break;
    case PROP_CLOCK:
      g_set_object (&self->clock, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jx_context_class_init (JxContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jx_context_dispose;
  object_class->get_property = jx_context_get_property;
  object_class->set_property = jx_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, JX_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, JX_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jx_context_init (JxContext *self)
{
}
