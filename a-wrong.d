wrong.o: tests/msgcheck/wrong.c src/catalog.h src/messages.def \
 build/gen/msg_formats.h build/gen/embedded.h
src/catalog.h:
src/messages.def:
build/gen/msg_formats.h:
build/gen/embedded.h:
