/* extract-bench.c: run the extractor over a JSON Lines corpus (or one .txt file): print what it finds, or time it. */
/*
 * Usage: extract-bench FILE.jsonl|FILE.txt [json|quotes|ents|dates|time] [max-docs] [skip-docs]
 * Build: ninja -C build core/extract/extract-bench (not built by default).
 * Fields read from each line: text, id, date, speaker, type, source.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <jansson.h>
#include "extract/extract.h"
int main(int argc, char **argv)
{
	const char *mode = argc > 2 ? argv[2] : "quotes";
	long max = argc > 3 ? atol(argv[3]) : 1000000, skip = argc > 4 ? atol(argv[4]) : 0;
	if (argc < 2) {
		fprintf(stderr, "usage: extract-bench FILE [json|quotes|ents|dates|time] [max] [skip]\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "r");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	char *line = NULL; size_t cap = 0; ssize_t n;
	vb_extractor *ex; struct vb_buf err = VB_BUF_INIT;
	vb_extractor_new(&ex, NULL, &err);
	fprintf(stderr, "gazetteer %zu\n", vb_extractor_gazetteer_size(ex));
	double secs = 0; size_t bytes = 0; long i = 0;
	size_t nq = 0, ne = 0, nd = 0;
	int txt = strstr(argv[1], ".txt") != NULL;
	while ((n = getline(&line, &cap, f)) > 0 && i < skip + max) {
		if (i++ < skip) continue;
		json_t *o;
		if (txt) {
			fseek(f, 0, SEEK_SET);
			static char buf[1 << 20]; size_t r = fread(buf, 1, sizeof buf - 1, f); buf[r] = 0;
			o = json_pack("{s:s, s:s}", "text", buf, "id", "txt");
			fseek(f, 0, SEEK_END);
		} else
		o = json_loads(line, 0, NULL);
		const char *text = json_string_value(json_object_get(o, "text"));
		if (!text) {
			json_decref(o);
			continue;
		}
		const char *id = json_string_value(json_object_get(o, "id"));
		json_t *dj = json_object_get(o, "date");
		char date[32] = "";
		if (json_is_string(dj)) snprintf(date, sizeof date, "%s", json_string_value(dj));
		else if (json_is_integer(dj)) snprintf(date, sizeof date, "%lld", (long long)json_integer_value(dj));
		struct vb_extract_opts opts = { .doc_id = id, .doc_date = date[0] ? date : NULL,
			.speaker = json_string_value(json_object_get(o, "speaker")),
			.doc_type = json_string_value(json_object_get(o, "type")),
			.source_org = json_string_value(json_object_get(o, "source")) };
		struct vb_extraction x;
		struct timespec a, b;
		size_t len = strlen(text);
		/* CPU time of this thread: fair on a loaded machine. */
		clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a);
		vb_extract(ex, text, len, &opts, &x, &err);
		clock_gettime(CLOCK_THREAD_CPUTIME_ID, &b);
		secs += (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
		bytes += len; nq += x.nquotes; ne += x.nentities; nd += x.ndates;
		if (!strcmp(mode, "json")) {
			json_t *j; vb_extraction_to_json(&x, text, len, 0, 0, &j);
			printf("=== %s\n", id);
			char *s = json_dumps(j, JSON_INDENT(1) | JSON_PRESERVE_ORDER); puts(s); free(s); json_decref(j);
		} else if (!strcmp(mode, "quotes")) {
			printf("=== %s  (doc_date %s)\n", id, x.doc_date);
			for (size_t k = 0; k < x.nquotes; k++) {
				struct vb_quote *q = &x.quotes[k];
				printf("  [%s/%s] %s%s%s (%s; role=%s; org=%s) :: %.*s\n", vb_quote_kind_name(q->kind), q->cue ? q->cue : "-",
					q->has_speaker ? q->speaker.name : "?", q->has_speaker && q->speaker.mention ? " <- " : "",
					q->has_speaker && q->speaker.mention ? q->speaker.mention : "",
					q->has_speaker ? vb_speaker_type_name(q->speaker.type) : "",
					q->has_speaker && q->speaker.role ? q->speaker.role : "", q->has_speaker && q->speaker.org ? q->speaker.org : "",
					(int)(strlen(q->text) > 110 ? 110 : strlen(q->text)), q->text);
			}
		} else if (!strcmp(mode, "ents")) {
			printf("=== %s\n", id);
			for (size_t k = 0; k < x.nentities; k++)
				printf("  %-12s %-30s -> %s\n", vb_entity_type_name(x.entities[k].type), x.entities[k].text, x.entities[k].canonical);
		} else if (!strcmp(mode, "dates")) {
			printf("=== %s (doc_date %s)\n", id, x.doc_date);
			for (size_t k = 0; k < x.ndates; k++)
				printf("  %-25s %-12s %-8s %s\n", x.dates[k].text, x.dates[k].value ? x.dates[k].value : "null", vb_date_granularity_name(x.dates[k].granularity), x.dates[k].relative ? "rel" : "");
			for (size_t k = 0; k < x.ndropped; k++)
				printf("  DROPPED %s: %.*s\n", x.dropped[k].reason, (int)(x.dropped[k].end - x.dropped[k].start), text + x.dropped[k].start);
		}
		vb_extraction_release(&x);
		json_decref(o);
	}
	fprintf(stderr, "%ld docs, %zu bytes, %.3f s, %.1f MB/s; %zu quotes %zu entities %zu dates\n", i - skip, bytes, secs, bytes / secs / 1e6, nq, ne, nd);
	vb_extractor_free(ex);
	free(line);
	return 0;
}
