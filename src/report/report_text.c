/* wuye: the text of report definitions: where a section or key is (for
 * messages with line numbers: iniparser keeps none), the query after a
 * last [sql] section. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "wuye/mem.h"
#include "wuye/report_int.h"

/* Whether line (len bytes) is the header of section sec. */
int
report_is_section(const char *line, size_t len, const char *sec)
{
	const char *end;
	size_t n;

	while (len > 0 && isspace((unsigned char)*line))
		line++, len--;
	if (len == 0 || *line != '[' || (end = memchr(line, ']', len)) == NULL)
		return 0;
	line++;
	while (line < end && isspace((unsigned char)*line))
		line++;
	n = (size_t)(end - line);
	while (n > 0 && isspace((unsigned char)line[n - 1]))
		n--;
	return sec != NULL && n == strlen(sec) && strncasecmp(line, sec, n) == 0;
}

/* Whether line (len bytes) sets key. */
int
report_is_key(const char *line, size_t len, const char *key)
{
	size_t n = strlen(key);

	while (len > 0 && isspace((unsigned char)*line))
		line++, len--;
	if (len <= n || strncasecmp(line, key, n) != 0)
		return 0;
	line += n, len -= n;
	while (len > 0 && (*line == ' ' || *line == '\t'))
		line++, len--;
	return len > 0 && *line == '=';
}

/* The line of key in section sec of text: the section's own line when
 * key is NULL or not there; 0 when the section is not there either. */
int
report_def_line(const char *text, const char *sec, const char *key)
{
	const char *p, *q, *nl;
	size_t len;
	int lineno = 0, in = 0, sec_line = 0, cont = 0;

	if (text == NULL)
		return 0;
	for (p = text; *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		lineno++;
		nl = p + strcspn(p, "\n");
		len = (size_t)(nl - p);
		for (q = p; q < nl && isspace((unsigned char)*q); q++)
			;
		if (!cont && q < nl && *q == '[') {
			in = report_is_section(p, len, sec);
			if (in && sec_line == 0)
				sec_line = lineno;
		} else if (in && !cont && key != NULL && report_is_key(p, len, key))
			return lineno;
		while (len > 0 && isspace((unsigned char)p[len - 1]))
			len--;
		cont = len > 0 && p[len - 1] == '\\';
	}
	return sec_line;
}

/* Whether the lines of the value starting at line lineno hold a ';' or
 * '#' (where iniparser ends an unquoted value). */
int
report_value_has_cut(const char *text, int lineno)
{
	const char *p = text, *nl;
	size_t len;

	for (; lineno > 1 && (p = strchr(p, '\n')) != NULL; lineno--)
		p++;
	for (; p != NULL && *p != '\0'; p = *nl != '\0' ? nl + 1 : NULL) {
		nl = p + strcspn(p, "\n");
		len = (size_t)(nl - p);
		if (memchr(p, ';', len) != NULL || memchr(p, '#', len) != NULL)
			return 1;
		while (len > 0 && isspace((unsigned char)p[len - 1]))
			len--;
		if (len == 0 || p[len - 1] != '\\')
			break;
	}
	return 0;
}

/* The query after a line [sql] in text (malloc'd, trimmed), or NULL;
 * *len is cut to the INI part before it and *line gets its line. */
char *
report_split_sql(const char *text, size_t *len, int *line)
{
	const char *p, *nl, *end = text + *len;
	char *sql;
	size_t n;
	int lineno = 0;

	for (p = text; p < end; p = nl + 1) {
		lineno++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (report_is_section(p, (size_t)(nl - p), "sql")) {
			*len = (size_t)(p - text);
			*line = lineno;
			p = nl < end ? nl + 1 : end;
			while (p < end && isspace((unsigned char)*p))
				p++;
			n = (size_t)(end - p);
			while (n > 0 && isspace((unsigned char)p[n - 1]))
				n--;
			sql = xmalloc(n + 1);
			memcpy(sql, p, n);
			sql[n] = '\0';
			return sql;
		}
		if (nl == end)
			break;
	}
	return NULL;
}
