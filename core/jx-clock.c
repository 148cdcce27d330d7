/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "jx-clock.h"
#include "jx-date.h"

/*
 * The one place that reads the wall clock. Everything that needs "today" asks a JxClock,
 * or takes the date as an argument; tests and `--today` hand in a fixed clock.
 */

struct _JxClock {
  GObject  parent_instance;
  gboolean fixed;
  GDate    today;
};

G_DEFINE_FINAL_TYPE (JxClock, jx_clock, G_TYPE_OBJECT)

static void
jx_clock_class_init (JxClockClass *klass)
{
}

static void
jx_clock_init (JxClock *self)
{
  g_date_clear (&self->today, 1);
}

/* A clock that follows the system's local date. */
JxClock *
jx_clock_new (void)
{
  return g_object_new (JX_TYPE_CLOCK, NULL);
}

/* A clock that always answers @today. */
JxClock *
jx_clock_new_fixed (const GDate *today)
{
  JxClock *self;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (JX_TYPE_CLOCK, NULL);
  self->fixed = TRUE;
  self->today = *today;
  return self;
}

void
jx_clock_get_today (JxClock *self,
                    GDate   *today)
{
  g_return_if_fail (JX_IS_CLOCK (self));
  g_return_if_fail (today != NULL);

  if (self->fixed)
    {
      *today = self->today;
      return;
    }
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

/* Today as "YYYY-MM-DD". */
char *
jx_clock_dup_today (JxClock *self)
{
  GDate today;

  jx_clock_get_today (self, &today);
  return jx_date_to_iso (&today);
}

gboolean
jx_clock_is_fixed (JxClock *self)
{
  g_return_val_if_fail (JX_IS_CLOCK (self), FALSE);

  return self->fixed;
}
