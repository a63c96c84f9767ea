import { useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Image,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { localize, useLanguage, useT } from '@tongban/ui';
import { TongbanApiError } from '@tongban/client';
import { categoryWords } from './locales.js';
import { compressPhoto } from './compress-photo.js';
import { sendPhoto, type ReportChoices, type ReportInput, type SentPhoto } from './report.api.js';

const namespace = 'portalReport';
const maxPhotos = 6;

export type ReportAnswers = ReportInput;

type Field = 'category' | 'description' | 'community' | 'place' | 'phone';
const fieldOrder: Field[] = ['category', 'description', 'community', 'place', 'phone'];

interface PhotoItem {
  key: number;
  preview: string;
  state: 'sending' | 'sent' | 'failed';
  sent?: SentPhoto;
  error?: string;
}

type Position = NonNullable<ReportInput['position']>;
type Locating = { state: 'idle' } | { state: 'asking' } | { state: 'denied' | 'unavailable' };

/** The runtime's refusal of a field, by the path it names (`/body/place`). */
const fieldOfPath = (path: string): Field | undefined => {
  const name = /^\/body\/([a-z]+)/.exec(path)?.[1];
  return fieldOrder.find((field) => field === name);
};

/**
 * The report itself: the kind of problem as big choices, the description, the community and the place
 * (with the browser's location if the person allows it), photos made smaller before they are sent, a
 * phone number if they want to be called. Errors show after "send", beside their fields and listed at
 * the top; nothing typed is lost when the runtime refuses.
 */
export function ReportForm({
  choices,
  sending,
  refusal,
  onSend,
}: {
  choices: ReportChoices;
  sending: boolean;
  refusal: Error | null;
  onSend: (answers: ReportAnswers) => void;
}) {
  const t = useT(namespace);
  const language = useLanguage();
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [community, setCommunity] = useState('');
  const [place, setPlace] = useState('');
  const [phone, setPhone] = useState('');
  const [position, setPosition] = useState<Position | null>(null);
  const [locating, setLocating] = useState<Locating>({ state: 'idle' });
  const [photos, setPhotos] = useState<PhotoItem[]>([]);
  const [tried, setTried] = useState(false);
  const nextKey = useRef(0);
  const uploadToken = useRef<string | undefined>(undefined);

  const problems: Partial<Record<Field, string>> = {};
  if (!category) problems.category = t('categoryRequired');
  if (!description.trim()) problems.description = t('descriptionRequired');
  if (!community) problems.community = t('communityRequired');
  if (!place.trim()) problems.place = t('placeRequired');
  if (phone.trim() && !/^1[0-9]{10}$/.test(phone.trim())) problems.phone = t('phoneInvalid');
  // what the runtime refused, at its fields
  const refused: Partial<Record<Field, string>> = {};
  if (refusal instanceof TongbanApiError)
    for (const detail of refusal.details) {
      const field = fieldOfPath(detail.path);
      if (field) refused[field] = detail.message;
    }
  const shown = (field: Field) => (tried ? (problems[field] ?? refused[field]) : refused[field]);
  const listed = fieldOrder.flatMap((field) => {
    const message = shown(field);
    return message ? [{ field, message }] : [];
  });

  const labelOf = (key: string, title: { 'zh-CN': string; en: string }) =>
    categoryWords[key]?.[language] ?? localize(title, language) ?? key;

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocating({ state: 'unavailable' });
      return;
    }
    setLocating({ state: 'asking' });
    navigator.geolocation.getCurrentPosition(
      (found) => {
        setPosition({
          lat: found.coords.latitude,
          lng: found.coords.longitude,
          accuracy: Math.round(found.coords.accuracy),
        });
        setLocating({ state: 'idle' });
      },
      (error) => setLocating({ state: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const update = (key: number, change: Partial<PhotoItem>) =>
    setPhotos((before) => before.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const addPhotos = async (files: File[]) => {
    for (const file of files.slice(0, maxPhotos - photos.length)) {
      const key = (nextKey.current += 1);
      const preview = URL.createObjectURL(file);
      setPhotos((before) => [...before, { key, preview, state: 'sending' }]);
      const compressed = file.type.startsWith('image/') ? await compressPhoto(file) : null;
      if (!compressed) {
        update(key, { state: 'failed', error: t('photoNotImage') });
        continue;
      }
      try {
        const sent = await sendPhoto(compressed.blob, compressed.name, uploadToken.current);
        uploadToken.current = sent.uploadToken;
        update(key, { state: 'sent', sent });
      } catch (error) {
        update(key, { state: 'failed', error: error instanceof Error ? error.message : String(error) });
      }
    }
  };

  const removePhoto = (key: number) =>
    setPhotos((before) => {
      const gone = before.find((item) => item.key === key);
      if (gone) URL.revokeObjectURL(gone.preview);
      return before.filter((item) => item.key !== key);
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length > 0) {
      document.getElementById('report-problems')?.focus();
      return;
    }
    const sent = photos.flatMap((item) => (item.sent ? [item.sent] : []));
    onSend({
      category,
      description: description.trim(),
      community,
      place: place.trim(),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      ...(position ? { position } : {}),
      ...(sent.length > 0
        ? { photos: sent.map((photo) => photo.reference), uploadToken: uploadToken.current }
        : {}),
    });
  };

  const photoBusy = photos.some((item) => item.state === 'sending');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {(listed.length > 0 || refusal) && (
          <Alert
            id="report-problems"
            tabIndex={-1}
            color="red"
            variant="outline"
            role="alert"
            title={
              listed.length > 0
                ? t('summary', { count: listed.length })
                : t('refused', { message: refusal?.message })
            }
          >
            {listed.length > 0 && (
              <Stack component="ul" gap={4} m={0} pl="md">
                {listed.map(({ field, message }) => (
                  <li key={field}>
                    <Anchor href={`#report-${field}`}>{message}</Anchor>
                  </li>
                ))}
              </Stack>
            )}
          </Alert>
        )}

        <Radio.Group
          id="report-category"
          label={t('category')}
          value={category}
          onChange={setCategory}
          error={shown('category')}
          size="lg"
          withAsterisk
        >
          {/* Chinese names of problems are a few characters: two a row on a phone; English ones one a row */}
          <SimpleGrid cols={{ base: language === 'en' ? 1 : 2, sm: 3 }} spacing="xs" mt="xs">
            {choices.categories.map((choice) => (
              <Radio.Card key={choice.key} value={choice.key} p="sm" radius="md" mih="4.5rem">
                <Group wrap="nowrap" gap="xs" align="center">
                  <Radio.Indicator size="md" />
                  <Text component="span" fw={600} lh={1.35}>
                    {labelOf(choice.key, choice.title)}
                  </Text>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>

        <Textarea
          id="report-description"
          label={t('description')}
          description={t('descriptionHint')}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={shown('description')}
          maxLength={2000}
          minRows={3}
          autosize
          size="lg"
          required
        />

        <NativeSelect
          id="report-community"
          label={t('community')}
          description={t('communityHint')}
          value={community}
          onChange={(event) => setCommunity(event.currentTarget.value)}
          error={shown('community')}
          size="lg"
          required
          data={[
            { value: '', label: '—' },
            ...choices.communities.map((choice) => ({
              value: choice.key,
              label: localize(choice.title, language) ?? choice.key,
            })),
          ]}
        />

        <Stack gap="xs">
          <TextInput
            id="report-place"
            label={t('place')}
            description={t('placeHint')}
            value={place}
            onChange={(event) => setPlace(event.currentTarget.value)}
            error={shown('place')}
            maxLength={200}
            size="lg"
            required
          />
          {position ? (
            <Group gap="xs" wrap="wrap">
              <Text role="status">{t('located', { meters: position.accuracy ?? '?' })}</Text>
              <Button variant="subtle" size="md" onClick={() => setPosition(null)}>
                {t('locateRemove')}
              </Button>
            </Group>
          ) : (
            <Button
              variant="default"
              size="lg"
              onClick={locate}
              loading={locating.state === 'asking'}
              loaderProps={{ 'aria-label': t('locating') } as object}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('locate')}
            </Button>
          )}
          {(locating.state === 'denied' || locating.state === 'unavailable') && (
            <Text role="status" c="dimmed">
              {locating.state === 'denied' ? t('locateDenied') : t('locateUnavailable')}
            </Text>
          )}
        </Stack>

        <Stack gap="xs">
          <Text fw={600} fz="lg" id="report-photos-label">
            {t('photos', { max: maxPhotos })}
          </Text>
          <Text c="dimmed" fz="sm">
            {t('photosHint')}
          </Text>
          {photos.length > 0 && (
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" aria-labelledby="report-photos-label">
              {photos.map((item, index) => (
                <Paper key={item.key} withBorder p={4}>
                  <Image src={item.preview} alt={t('photoAlt', { number: index + 1 })} h="8rem" fit="cover" />
                  <Button
                    variant="default"
                    size="md"
                    fullWidth
                    mt={4}
                    aria-label={t('removePhoto', { number: index + 1 })}
                    onClick={() => removePhoto(item.key)}
                  >
                    {t('remove')}
                  </Button>
                  {item.state === 'sending' && (
                    <Text role="status" fz="sm">
                      {t('photoPreparing')}
                    </Text>
                  )}
                  {item.state === 'failed' && (
                    <Text role="alert" fz="sm" c="red.8">
                      {t('photoFailed', { message: item.error })}
                    </Text>
                  )}
                </Paper>
              ))}
            </SimpleGrid>
          )}
          {photos.length < maxPhotos && (
            <FileButton onChange={(files) => void addPhotos(files)} accept="image/*" multiple>
              {(props) => (
                <Button {...props} variant="default" size="lg" style={{ alignSelf: 'flex-start' }}>
                  {t('addPhoto')}
                </Button>
              )}
            </FileButton>
          )}
        </Stack>

        <TextInput
          id="report-phone"
          label={t('phone')}
          description={t('phoneHint')}
          value={phone}
          onChange={(event) => setPhone(event.currentTarget.value)}
          error={shown('phone')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={11}
          size="lg"
        />

        <Button type="submit" size="xl" loading={sending} disabled={photoBusy} fullWidth>
          {sending ? t('submitting') : t('submit')}
        </Button>
      </Stack>
    </form>
  );
}
