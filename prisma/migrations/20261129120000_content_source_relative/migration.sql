-- Course and series files are known by their place inside the content folder
-- ("courses/<series>/<file>.md"), not by an absolute or working-directory path, so that moving the
-- folder keeps every course's identity. Rewrites the paths stored before.
UPDATE Course SET sourcePath = replace(sourcePath, '\', '/') WHERE instr(sourcePath, '\') > 0;
UPDATE Series SET sourcePath = replace(sourcePath, '\', '/') WHERE instr(sourcePath, '\') > 0;
UPDATE Course SET sourcePath = 'courses/'
  || substr(rtrim(rtrim(sourcePath, replace(sourcePath, '/', '')), '/'), length(rtrim(rtrim(rtrim(sourcePath, replace(sourcePath, '/', '')), '/'), replace(rtrim(rtrim(sourcePath, replace(sourcePath, '/', '')), '/'), '/', ''))) + 1)
  || '/' || substr(sourcePath, length(rtrim(sourcePath, replace(sourcePath, '/', ''))) + 1)
  WHERE sourcePath LIKE '%/%/%';
UPDATE Series SET sourcePath = 'courses/'
  || substr(rtrim(rtrim(sourcePath, replace(sourcePath, '/', '')), '/'), length(rtrim(rtrim(rtrim(sourcePath, replace(sourcePath, '/', '')), '/'), replace(rtrim(rtrim(sourcePath, replace(sourcePath, '/', '')), '/'), '/', ''))) + 1)
  || '/' || substr(sourcePath, length(rtrim(sourcePath, replace(sourcePath, '/', ''))) + 1)
  WHERE sourcePath LIKE '%/%/%';
