#ifndef BEAT_CEDITLINE_SHIM_H
#define BEAT_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>

// libedit's el_set, el_get and history are variadic, which Swift cannot call.
// Each wrapper below fixes one operation's argument list; nothing else lives here.

// The standard streams are global variables, which Swift 6 treats as unsafe shared state.
static inline EditLine *beat_el_init_stdio(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

typedef char *(*beat_prompt_fn)(EditLine *);
typedef unsigned char (*beat_command_fn)(EditLine *, int);

static inline int beat_el_set_prompt(EditLine *el, beat_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}
static inline int beat_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int beat_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int beat_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int beat_el_add_function(EditLine *el, const char *name, const char *help, beat_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int beat_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}
static inline int beat_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *beat_el_get_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int beat_history_set_size(History *h, HistEvent *ev, int size) {
    return history(h, ev, H_SETSIZE, size);
}
static inline int beat_history_set_unique(History *h, HistEvent *ev, int unique) {
    return history(h, ev, H_SETUNIQUE, unique);
}
static inline int beat_history_enter(History *h, HistEvent *ev, const char *line) {
    return history(h, ev, H_ENTER, line);
}
static inline int beat_history_clear(History *h, HistEvent *ev) {
    return history(h, ev, H_CLEAR);
}
static inline int beat_history_load(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_LOAD, path);
}
static inline int beat_history_save(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_SAVE, path);
}
static inline int beat_history_first(History *h, HistEvent *ev) {
    return history(h, ev, H_FIRST);
}
static inline int beat_history_last(History *h, HistEvent *ev) {
    return history(h, ev, H_LAST);
}
static inline int beat_history_next(History *h, HistEvent *ev) {
    return history(h, ev, H_NEXT);
}
static inline int beat_history_prev(History *h, HistEvent *ev) {
    return history(h, ev, H_PREV);
}
#endif
